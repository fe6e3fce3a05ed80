// Evidence currency at re-review: the revision's sources, oldest first, each flagged when it is older than the
// policy's age ("evidence.maxSourceAgeYears") or has no known year. For the review screen; pure.
export interface SourceAge {
  key: string;
  title: string;
  year: number | null;
  /** Whole years between the source's year and now (null when the year is unknown). */
  ageYears: number | null;
  tooOld: boolean;
}

export function sourcesByAge(
  references: ReadonlyArray<{ key: string; title: string; year: number | null }>,
  maxAgeYears: number,
  now: Date,
): SourceAge[] {
  const thisYear = now.getUTCFullYear();
  return references
    .map((r) => {
      const ageYears = r.year === null ? null : thisYear - r.year;
      return {
        key: r.key,
        title: r.title,
        year: r.year,
        ageYears,
        tooOld: ageYears !== null && ageYears > maxAgeYears,
      };
    })
    .sort((a, b) => (a.year ?? -Infinity) - (b.year ?? -Infinity) || a.title.localeCompare(b.title));
}
