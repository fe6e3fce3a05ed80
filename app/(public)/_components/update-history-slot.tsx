// Public update history of the article (each published revision's date, change summary and reviewer), from
// the review work's getPublicTrail. Cached like the page's data (keyed by the public change counter, see
// ../_data/public-data.ts), so publishing or unpublishing refreshes it together with the page; no cookies/headers.
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db/client";
import type { ReaderLocale } from "@/lib/i18n/locales";
import { articleTag } from "@/lib/public/cache-tags";
import { reviewerPath } from "@/lib/public/site";
import { getPublicTrail, type UpdateHistoryEntry } from "@/lib/publishing/public-trail";
import { UpdateHistory } from "@/components/article/update-history";
import { PUBLIC_REVALIDATE_SECONDS, publicChangeKey } from "../_data/public-data";

export interface UpdateHistorySlotProps {
  articleId: string;
  slug: string;
  locale?: ReaderLocale;
}

// unstable_cache stores JSON: dates travel as ISO strings and are turned back into Dates below.
type Stored = Array<
  Omit<UpdateHistoryEntry, "publishedAt" | "reviewedAt" | "unpublishedAt"> & {
    publishedAt: string;
    reviewedAt: string | null;
    unpublishedAt: string | null;
  }
>;

async function cachedHistory(articleId: string, slug: string): Promise<Stored> {
  return unstable_cache(
    async (): Promise<Stored> =>
      (await getPublicTrail(db, articleId)).history
        // Versions that were taken down are not part of what readers were shown as the article's history.
        .filter((h) => !h.unpublishedAt)
        .map((h) => ({
          ...h,
          publishedAt: h.publishedAt.toISOString(),
          reviewedAt: h.reviewedAt?.toISOString() ?? null,
          unpublishedAt: null,
        })),
    ["public-update-history", articleId, await publicChangeKey()],
    { tags: [articleTag(slug)], revalidate: PUBLIC_REVALIDATE_SECONDS },
  )();
}

export async function UpdateHistorySlot({ articleId, slug, locale }: UpdateHistorySlotProps) {
  const stored = await cachedHistory(articleId, slug);
  const history: UpdateHistoryEntry[] = stored.map((h) => ({
    ...h,
    publishedAt: new Date(h.publishedAt),
    reviewedAt: h.reviewedAt ? new Date(h.reviewedAt) : null,
    unpublishedAt: null,
  }));
  return <UpdateHistory history={history} headingLevel={2} reviewerHref={reviewerPath} locale={locale} />;
}
