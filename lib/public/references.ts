// References as readers see them. Numbering and the citation text come from the one renderer
// (lib/content/render.ts), so the list matches the superscripts in the frozen bodyHtml: item N has id="ref-N",
// the K-th citation of it in the body has id="cite-N-K".
import type { DocumentJson } from "../content/document-schema";
import { isSafeHttpUrl } from "../content/document-schema";
import { parseReferencesJson, type ReferenceSnapshot } from "../content/reference-snapshot";
import { orderReferences, renderReferenceBody } from "../content/render";
import type { PublicReference } from "./types";

/** The link readers follow first: the URL if it is http(s), else the DOI resolver, else PubMed; null when none. */
export function referenceHref(ref: Pick<ReferenceSnapshot, "url" | "doi" | "pmid">): string | null {
  if (ref.url && isSafeHttpUrl(ref.url)) return ref.url;
  if (ref.doi) return `https://doi.org/${encodeURI(ref.doi)}`;
  if (ref.pmid && /^\d+$/.test(ref.pmid)) return `https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/`;
  return null;
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * Numbered references of a frozen revision (its bodyJson and referencesJson, both validated at freeze).
 * `formatted` holds each reference's entry in the article's citation style (formatted once when publishing,
 * lib/references/format-revision-references.ts); a reference without one gets the plain rendering.
 */
export function publicReferences(
  bodyJson: string,
  referencesJson: string,
  formatted: Record<string, string> = {},
): PublicReference[] {
  const body = parseJson(bodyJson) as DocumentJson | null;
  let refs: ReferenceSnapshot[] = [];
  try {
    refs = parseReferencesJson(referencesJson);
  } catch {
    refs = [];
  }
  const doc: DocumentJson = body && Array.isArray(body.content) ? body : { type: "doc", content: [] };
  return orderReferences(doc, refs).map((r) => ({
    number: r.number,
    key: r.key,
    citedCount: r.citedCount,
    title: r.title,
    authors: r.authors,
    containerTitle: r.containerTitle,
    year: r.year,
    doi: r.doi,
    peerReviewed: r.peerReviewed,
    href: referenceHref(r),
    html: Object.hasOwn(formatted, r.key) ? formatted[r.key] : renderReferenceBody(r),
  }));
}
