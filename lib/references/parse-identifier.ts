// What a writer pasted to identify a source: a DOI, "doi:…", a doi.org address, a PMID, "PMID: …" or a PubMed
// address. Plain TypeScript with no server imports, so the editor can read a pasted identifier too (a failed
// look-up copies it into the reference form's matching field: nothing typed is lost).
import { DOI_PATTERN, normaliseDoi } from "./reference-schema";

export type Identifier = { kind: "doi"; value: string } | { kind: "pmid"; value: string };

export function parseIdentifier(raw: string): Identifier | null {
  const s = raw.trim();
  const pubmed = s.match(
    /^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})\/?(?:[?#].*)?$/i,
  );
  if (pubmed) return { kind: "pmid", value: pubmed[1] };
  const pmid = s.match(/^(?:pmid:?\s*)?(\d{1,9})$/i);
  if (pmid) return { kind: "pmid", value: pmid[1] };
  let doi = normaliseDoi(s);
  try {
    doi = decodeURIComponent(doi);
  } catch {
    // keep as typed
  }
  if (DOI_PATTERN.test(doi)) return { kind: "doi", value: doi };
  return null;
}

/** The reference form's field a pasted identifier belongs in, after a look-up that found nothing: the DOI or
 *  PMID field, else the URL field for a web address, else none (the text stays in the look-up box). */
export function identifierFields(raw: string): { doi?: string; pmid?: string; url?: string } {
  const id = parseIdentifier(raw);
  if (id) return { [id.kind]: id.value };
  const s = raw.trim();
  return /^https?:\/\/\S+$/i.test(s) ? { url: s } : {};
}

/** The next step after a failed look-up, naming what was pasted. */
export function lookupFailedNextStep(raw: string): string {
  const kind = parseIdentifier(raw)?.kind;
  const what = kind === "doi" ? "the DOI" : kind === "pmid" ? "the PMID" : "what you pasted";
  return `Check ${what}, or enter the details by hand below.`;
}
