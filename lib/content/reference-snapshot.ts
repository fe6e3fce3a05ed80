// A reference as frozen into a revision (Revision.referencesJson) and as the renderer takes it. Same fields
// as the Reference model; dates as ISO strings so the snapshot is plain JSON and hashes the same everywhere.
export interface ReferenceSnapshot {
  key: string;
  authors: string;
  title: string;
  containerTitle: string;
  year: number | null;
  url: string | null;
  doi: string | null;
  pmid: string | null;
  accessedAt: string | null; // ISO date-time
  peerReviewed: boolean;
  /** Present (true) only while the writer has still to complete the reference: absent otherwise, so the content
   *  hash of every revision frozen before the flag existed stays what it was. */
  needsDetails?: true;
}

type ReferenceLike = {
  key: string;
  authors?: string | null;
  title: string;
  containerTitle?: string | null;
  year?: number | null;
  url?: string | null;
  doi?: string | null;
  pmid?: string | null;
  accessedAt?: Date | string | null;
  peerReviewed?: boolean | null;
  needsDetails?: boolean | null;
};

/** Converts a Reference row (or anything shaped like one) to its snapshot form. */
export function toReferenceSnapshot(r: ReferenceLike): ReferenceSnapshot {
  const accessed =
    r.accessedAt == null
      ? null
      : r.accessedAt instanceof Date
        ? r.accessedAt.toISOString()
        : new Date(r.accessedAt).toISOString();
  return {
    key: r.key,
    authors: r.authors ?? "",
    title: r.title,
    containerTitle: r.containerTitle ?? "",
    year: r.year ?? null,
    url: r.url || null,
    doi: r.doi || null,
    pmid: r.pmid || null,
    accessedAt: accessed,
    peerReviewed: !!r.peerReviewed,
    ...(r.needsDetails ? { needsDetails: true as const } : {}),
  };
}

/** Parses Revision.referencesJson (written by freezeRevision) back into snapshots. */
export function parseReferencesJson(json: string): ReferenceSnapshot[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.map((r) => toReferenceSnapshot(r as ReferenceLike));
}
