// "Was this article helpful?" on the article page: the feedback work's form (components/feedback). It reads no
// cookies, headers or search params, so the cached article page stays cacheable; the thank-you after the
// no-JS POST is the #feedback-thanks anchor (CSS :target).
import { FeedbackForm } from "@/components/feedback/feedback-form";
import type { ReaderLocale } from "@/lib/i18n/locales";

export interface FeedbackSlotProps {
  articleId: string;
  revisionId: string;
  articleSlug: string;
  locale?: ReaderLocale;
}

export function FeedbackSlot({ articleId, revisionId, articleSlug, locale }: FeedbackSlotProps) {
  return <FeedbackForm articleId={articleId} revisionId={revisionId} articleSlug={articleSlug} locale={locale} />;
}
