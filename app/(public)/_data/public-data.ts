// The readers' data, cached by Next per server process. Each function is one lib call (one fixed-shape query)
// whose result is shared by every request and every page that needs it.
//
// Cache keys include the public change counter (lib/page-cache/public-change.ts), bumped in the transaction
// of every publish, unpublish and archive: whichever server process made the change, every process reads the
// new counter on its next render and so never answers from data cached before the change. (Tags expired with
// revalidateTag only reach the process that made the change.) The counter is read once per render (React
// cache), a one-row primary-key query.
//
// The article and reviewer pages are additionally stored whole by Next (ISR, see their `revalidate`), per
// process. Anonymous readers are answered by the page cache of server.ts (lib/page-cache), keyed by the same
// counter; on a miss it has Next render the page afresh (on-demand revalidation, which also skips these
// caches' reads), so a publish made by any process shows at once everywhere.
//
// cacheComponents is off in next.config.js (the studio's session-dependent pages), so this uses the data
// cache of that model, `unstable_cache`.
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { ARTICLES_TAG, articleTag, reviewerTag, writerTag } from "@/lib/public/cache-tags";
import { getWriterProfile } from "@/lib/public/get-writer-profile";
import { getPublicArticle } from "@/lib/public/get-public-article";
import { getReviewerProfile } from "@/lib/public/get-reviewer-profile";
import { listPublishedArticles } from "@/lib/public/list-published-articles";
import { listConditions } from "@/lib/public/list-conditions";
import { isPublicId, isPublicSlug } from "@/lib/public/slug";
import { readPublicChange } from "@/lib/page-cache/public-change";
import { getSiteLocales } from "@/lib/translations/locales";

// Bounds how long a change made outside the app (a script, a restored backup) can stay unseen.
export const PUBLIC_REVALIDATE_SECONDS = 3600;

/** Upper bound for lists kept in the cache (home, sitemap, RSS, related/recent). */
const LIST_LIMIT = 5000;

/** The public change counter, read once per render; part of every key below. */
export const publicChangeKey = cache(async (): Promise<string> => String(await readPublicChange(db)));

export async function cachedPublicArticle(slug: string) {
  // Malformed slugs never reach the cache or the database.
  if (!isPublicSlug(slug)) return null;
  return unstable_cache(() => getPublicArticle(db, slug), ["public-article", slug, await publicChangeKey()], {
    tags: [articleTag(slug)],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })();
}

/** The live articles of one language (home, RSS, related/recent), or of every language (sitemap) without one. */
export async function cachedPublishedArticles(locale?: string) {
  return unstable_cache(
    () => listPublishedArticles(db, { limit: LIST_LIMIT, locale }),
    ["public-articles", String(LIST_LIMIT), locale ?? "all", await publicChangeKey()],
    { tags: [ARTICLES_TAG], revalidate: PUBLIC_REVALIDATE_SECONDS },
  )();
}

export async function cachedReviewerProfile(reviewerId: string) {
  if (!isPublicId(reviewerId)) return null;
  return unstable_cache(
    () => getReviewerProfile(db, reviewerId),
    ["public-reviewer", reviewerId, await publicChangeKey()],
    { tags: [reviewerTag(reviewerId), ARTICLES_TAG], revalidate: PUBLIC_REVALIDATE_SECONDS },
  )();
}

/** The site's enabled languages (admin setting; saving it moves the public change counter). */
export async function cachedSiteLocales() {
  return unstable_cache(() => getSiteLocales(db), ["site-locales", await publicChangeKey()], {
    tags: [ARTICLES_TAG],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })();
}

export async function cachedWriterProfile(userId: string) {
  if (!isPublicId(userId)) return null;
  return unstable_cache(() => getWriterProfile(db, userId), ["public-writer", userId, await publicChangeKey()], {
    tags: [writerTag(userId), ARTICLES_TAG],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })();
}

/** Conditions A–Z: changes with every publish, unpublish and archive (the counter moves, ARTICLES_TAG expires). */
export async function cachedConditions(locale = "en") {
  return unstable_cache(() => listConditions(db, locale), ["public-conditions", locale, await publicChangeKey()], {
    tags: [ARTICLES_TAG],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })();
}
