// Expires the readers' cached pages and data after a change readers must see. Call it AFTER the transaction
// that made the change has committed (see lib/public/cache-tags.ts for which tags to pass), from a Server Action
// or a Route Handler:
//
//   refreshPublicPages(publicTagsForArticleChange({ slug, reviewerIds }));
//
// `{ expire: 0 }`: the next request for a tagged page waits for a fresh render instead of being served the old
// copy once more (stale-while-revalidate would show readers the unpublished article one extra time).
import { revalidateTag } from "next/cache";

export function refreshPublicPages(tags: readonly string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
