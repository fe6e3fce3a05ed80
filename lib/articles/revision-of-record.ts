// The revision that stands for an article when it is examined as a whole (its sources checked, its evidence
// packed for an assessor): the live one readers see or, for an article never published, its latest frozen one.
export const REVISION_OF_RECORD_SELECT = { liveRevisionId: true, currentRevisionId: true } as const;

export function revisionOfRecord(article: {
  liveRevisionId: string | null;
  currentRevisionId: string | null;
}): string | null {
  return article.liveRevisionId ?? article.currentRevisionId;
}
