// One path for a change readers can see (an article goes live, changes its live revision, stops being live, or
// its live page is re-rendered):
//   1. the operation calls changeWhatReadersSee(tx, …) inside its own transaction: the public change counter
//      moves (lib/page-cache/public-change.ts: every process's stored pages are out of date once it commits)
//      and the Next cache tags to expire are worked out (./cache-tags.ts);
//   2. the operation returns that ReaderChange in its result, as `readerChange` (ChangesWhatReadersSee);
//   3. the boundary wrapper (app/_server/action.ts, app/_server/route.ts) expires the tags after the commit
//      (app/_server/expire-reader-change.ts). No action or route expires tags by hand.
// tests/public/reader-change.test.ts checks each step and that nothing outside this file bumps the counter.
import type { DbTx } from "../db/client";
import { bumpPublicChange } from "../page-cache/public-change";
import { ARTICLES_TAG, publicTagsForArticleChange, reviewerTag, writerTag } from "./cache-tags";

/** What readers see changed: the Next cache tags to expire once the transaction has committed. */
export interface ReaderChange {
  readonly tags: readonly string[];
}

/** The result field an operation that may change what readers see returns (null: it did not this time). */
export interface ChangesWhatReadersSee {
  readerChange: ReaderChange | null;
}

/**
 * Inside the transaction that changes an article's public page: moves the public change counter and returns the
 * tags of the article's pages, the lists, and the profiles of the reviewers who approved `revisionIds` (the
 * revision that went live and the one it replaced or that went away: both profiles list the article).
 */
export async function changeWhatReadersSee(
  tx: DbTx,
  input: { articleId: string; revisionIds: ReadonlyArray<string | null | undefined>; previousSlug?: string | null },
): Promise<ReaderChange> {
  await bumpPublicChange(tx);
  const article = await tx.article.findUniqueOrThrow({ where: { id: input.articleId }, select: { slug: true } });
  const revisionIds = input.revisionIds.filter((id): id is string => !!id);
  const reviews = revisionIds.length
    ? await tx.review.findMany({
        where: { revisionId: { in: revisionIds }, decision: "APPROVED" },
        select: { reviewerId: true },
      })
    : [];
  return {
    tags: publicTagsForArticleChange({
      slug: article.slug,
      previousSlug: input.previousSlug,
      reviewerIds: reviews.map((r) => r.reviewerId),
    }),
  };
}

/**
 * Inside the transaction of a site-wide change readers see on every article page (the enabled languages, the
 * translation notice policy): moves the counter and returns the tag every list and article page carries.
 */
export async function changeWhatReadersSeeEverywhere(tx: DbTx): Promise<ReaderChange> {
  await bumpPublicChange(tx);
  return { tags: [ARTICLES_TAG] };
}

/**
 * Inside the transaction of a change to what a person's public profiles show (their declaration of interests):
 * moves the counter and returns the tags of their reviewer and writer pages. Articles keep what was published.
 */
export async function changeWhatReadersSeeOnProfiles(tx: DbTx, userId: string): Promise<ReaderChange> {
  await bumpPublicChange(tx);
  return { tags: [reviewerTag(userId), writerTag(userId)] };
}

/** Several changes (a run of due publications) as one. */
export function mergeReaderChanges(changes: ReadonlyArray<ReaderChange | null | undefined>): ReaderChange | null {
  const tags = new Set(changes.flatMap((c) => c?.tags ?? []));
  return tags.size ? { tags: [...tags] } : null;
}

/** The `readerChange` an operation's result carries, if any (what the boundary wrapper reads). */
export function readerChangeOf(result: unknown): ReaderChange | null {
  if (!result || typeof result !== "object" || !("readerChange" in result)) return null;
  const change = (result as { readerChange: unknown }).readerChange;
  if (!change || typeof change !== "object" || !Array.isArray((change as ReaderChange).tags)) return null;
  return change as ReaderChange;
}
