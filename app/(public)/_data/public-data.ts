// The readers' data, cached by Next with tags (lib/public/cache-tags.ts) so a publish can expire exactly what
// changed. Each function is one lib call (one fixed-shape query) and its result is shared by every request
// and every page that needs it until a tag is expired. The article and reviewer pages are additionally
// stored whole (ISR, see their `revalidate`), so a page view normally touches neither React nor the database.
//
// cacheComponents is off in next.config.js (the studio's session-dependent pages), so this uses the
// tag-aware data cache of that model, `unstable_cache`; with cacheComponents on, these become `'use cache'`
// functions with `cacheTag` and nothing else changes for callers.
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db/client";
import { ARTICLES_TAG, articleTag, reviewerTag } from "@/lib/public/cache-tags";
import { getPublicArticle } from "@/lib/public/get-public-article";
import { getReviewerProfile } from "@/lib/public/get-reviewer-profile";
import { listPublishedArticles } from "@/lib/public/list-published-articles";
import { isPublicId, isPublicSlug } from "@/lib/public/slug";

// Tag expiry makes changes show at once; this time-based revalidation (in the background, readers never wait)
// only bounds how long a change made outside the app (a script, a restored backup) can stay unseen.
export const PUBLIC_REVALIDATE_SECONDS = 3600;

/** Upper bound for lists kept in the cache (home, sitemap, RSS, related/recent). */
const LIST_LIMIT = 5000;

export function cachedPublicArticle(slug: string) {
  // Malformed slugs never reach the cache or the database (and the build's placeholder param is one of them).
  if (!isPublicSlug(slug)) return Promise.resolve(null);
  return unstable_cache(() => getPublicArticle(db, slug), ["public-article", slug], {
    tags: [articleTag(slug)],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })();
}

export const cachedPublishedArticles = unstable_cache(
  () => listPublishedArticles(db, { limit: LIST_LIMIT }),
  ["public-articles", String(LIST_LIMIT)],
  {
    tags: [ARTICLES_TAG],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  },
);

export function cachedReviewerProfile(reviewerId: string) {
  if (!isPublicId(reviewerId)) return Promise.resolve(null);
  return unstable_cache(() => getReviewerProfile(db, reviewerId), ["public-reviewer", reviewerId], {
    tags: [reviewerTag(reviewerId), ARTICLES_TAG],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })();
}
