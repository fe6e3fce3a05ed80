// The boundary's half of the one invalidation path (lib/public/reader-change.ts explains the whole of it): after
// an operation has committed, the action or route wrapper expires the Next cache tags named by its result's
// `readerChange`, and hands the rest of the result on.
//
// `revalidateTag(tag, { expire: 0 })`: the next request for a tagged page waits for a fresh render instead of
// being served the old copy once more (stale-while-revalidate would show readers an unpublished article one
// extra time). It works in Server Actions and Route Handlers alike (`updateTag` throws in a Route Handler).
import { revalidateTag } from "next/cache";
import { readerChangeOf } from "@/lib/public/reader-change";

/** A result as the client gets it: the tags are for the wrapper, not for the browser. */
export type WithoutReaderChange<T> = T extends { readerChange: unknown } ? Omit<T, "readerChange"> : T;

/** Expires the pages the committed operation changed for readers; never turns the change into a failure. */
export function expireReaderChange<T>(result: T, context: string): WithoutReaderChange<T> {
  const change = readerChangeOf(result);
  if (!change) return result as WithoutReaderChange<T>;
  try {
    for (const tag of change.tags) revalidateTag(tag, { expire: 0 });
  } catch (err) {
    console.error(`[${context}] could not expire the readers' pages`, change.tags, err);
  }
  const { readerChange: _tags, ...rest } = result as T & { readerChange: unknown };
  return rest as WithoutReaderChange<T>;
}
