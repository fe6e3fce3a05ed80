// Side effects that run after a review/publishing transaction has committed: expire the readers' cached
// pages (lib/public/cache-tags.ts explains which tags) and send the queued e-mails. Never inside a
// transaction, never able to turn a committed change into a reported failure.
import { db } from "@/lib/db/client";
import { publicTagsForArticleChange } from "@/lib/public/cache-tags";
import { deliverQueuedMail } from "@/lib/notifications/deliver-mail";
import { refreshPublicPages } from "@/app/(public)/_data/refresh";

/** Expires the public pages of an article (and the profiles of the reviewers of the given revisions). */
export async function refreshArticlePages(articleId: string, revisionIds: Array<string | null | undefined>) {
  try {
    const article = await db.article.findUnique({ where: { id: articleId }, select: { slug: true } });
    if (!article) return;
    const ids = revisionIds.filter((x): x is string => !!x);
    const reviews = ids.length
      ? await db.review.findMany({
          where: { revisionId: { in: ids }, decision: "APPROVED" },
          select: { reviewerId: true },
        })
      : [];
    refreshPublicPages(
      publicTagsForArticleChange({ slug: article.slug, reviewerIds: reviews.map((r) => r.reviewerId) }),
    );
  } catch (err) {
    console.error("[review] could not refresh the public pages of", articleId, err);
  }
}

/** Sends queued mail without holding up the response. */
export function sendQueuedMail() {
  deliverQueuedMail(db).catch((err) => console.error("[review] mail delivery failed", err));
}
