// Public update history of the article (each published revision's date, change summary and reviewer).
// PLACEHOLDER owned by the `review` work: render the history here. The article page is cached whole and
// expired by the tag article:<slug> (lib/public/cache-tags.ts), so read the data through a cached function
// tagged with articleTag(slug) (see app/(public)/_data/public-data.ts), never cookies/headers.
export interface UpdateHistorySlotProps {
  articleId: string;
  slug: string;
}

export function UpdateHistorySlot(_props: UpdateHistorySlotProps) {
  return null;
}
