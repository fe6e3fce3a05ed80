// Cache tags of the readers' pages. The public data functions (app/(public)/_data/*.ts) tag what they cache
// with these names; the matching tags must be expired AFTER the transaction that changed what readers see
// commits, or readers keep getting the old page (the article page is stored whole, like ISR, and is only
// rebuilt when one of its tags is expired).
//
// Operations do not expire tags themselves: they return them (lib/public/reader-change.ts, changeWhatReadersSee)
// and the boundary wrapper expires them after commit (app/_server/expire-reader-change.ts).
//
// Which tags to expire:
//   - publish / republish / unpublish / archive of an article: article:<slug>, articles, and reviewer:<id> of
//     every reviewer who approved the revision that went live or went away (their profile lists it).
//   - a changed slug: both the old and the new article:<slug>.
//   - anything on the home page, sitemap or RSS (titles, summaries, dates): articles.
// `articles` is on every list (home, recent/related boxes on each article page, sitemap, RSS), so expiring it
// rebuilds every article page on its next visit; that is deliberate: each page shows "recent articles".

/** Every list of published articles (home, sitemap, RSS, recent/related boxes). */
export const ARTICLES_TAG = "articles";

/** One article's page data, by slug (also tags the cached "not found" answer for a slug not yet published). */
export function articleTag(slug: string): string {
  return `article:${slug}`;
}

/** One reviewer's public profile (name, post-nominals, articles reviewed). */
export function reviewerTag(userId: string): string {
  return `reviewer:${userId}`;
}

/** One writer's public profile (articles written, current declaration). */
export function writerTag(userId: string): string {
  return `writer:${userId}`;
}

/** The tags to expire after an article went live, changed its live revision, or stopped being live. */
export function publicTagsForArticleChange(input: {
  slug: string;
  previousSlug?: string | null;
  reviewerIds?: readonly string[];
}): string[] {
  const tags = new Set<string>([ARTICLES_TAG, articleTag(input.slug)]);
  if (input.previousSlug && input.previousSlug !== input.slug) tags.add(articleTag(input.previousSlug));
  for (const id of input.reviewerIds ?? []) tags.add(reviewerTag(id));
  return [...tags];
}
