// Citation and link rules. The publish gate needs every citation to resolve and every reference to have a
// link (URL, DOI or PMID); links must be http(s) (the body allowlist refuses others on save, but stored or
// imported content is checked again here).
import { excerpt, type TextBlock } from "../../content/document-blocks";
import type { CheckReference, Finding } from "../types";
import { blockLocation } from "./structure";

export function unresolvedCitations(blocks: TextBlock[], references: CheckReference[]): Finding[] {
  const keys = new Set(references.map((r) => r.key));
  const out: Finding[] = [];
  for (const b of blocks)
    for (const key of b.citations)
      if (!keys.has(key))
        out.push({
          rule: "citation-without-reference",
          severity: "blocking",
          message: `A citation points at “${excerpt(key, 40)}”, which is not in the reference list.`,
          location: blockLocation(b),
        });
  return out;
}

export function uncitedReferences(blocks: TextBlock[], references: CheckReference[]): Finding[] {
  const cited = new Set(blocks.flatMap((b) => b.citations));
  return references
    .filter((r) => !cited.has(r.key))
    .map((r) => ({
      rule: "reference-not-cited",
      severity: "advisory" as const,
      message: `The reference “${excerpt(r.title || r.key, 60)}” is never cited in the text.`,
      location: { field: "references" as const, refKey: r.key, excerpt: excerpt(r.title || r.key) },
    }));
}

export function referencesWithoutLink(references: CheckReference[]): Finding[] {
  return references
    .filter((r) => !r.url?.trim() && !r.doi?.trim() && !r.pmid?.trim())
    .map((r) => ({
      rule: "reference-without-link",
      severity: "blocking" as const,
      message: `The reference “${excerpt(r.title || r.key, 60)}” has no URL, DOI or PMID, so readers cannot check it.`,
      location: { field: "references" as const, refKey: r.key, excerpt: excerpt(r.title || r.key) },
    }));
}

/** References the importer could not read completely (no link, publisher and title run together, nothing
 *  recognisable): advisory, so the writer completes them before a reviewer relies on them. */
export function referencesNeedingDetails(references: CheckReference[]): Finding[] {
  return references
    .filter((r) => r.needsDetails)
    .map((r) => ({
      rule: "reference-needs-details",
      severity: "advisory" as const,
      message: `The reference “${excerpt(r.title || r.key, 60)}” was imported from an entry that could not be read completely. Open it with Edit in the References panel, check its fields against the source, complete them, then untick “Needs details”.`,
      location: { field: "references" as const, refKey: r.key, excerpt: excerpt(r.title || r.key) },
    }));
}

export function isHttpUrl(value: string): boolean {
  if (/[\u0000-\u0020\u007f]/.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    return false;
  }
}

export function nonHttpLinks(blocks: TextBlock[], references: CheckReference[]): Finding[] {
  const out: Finding[] = [];
  for (const b of blocks)
    for (const href of b.links)
      if (!isHttpUrl(href))
        out.push({
          rule: "non-http-link",
          severity: "blocking",
          message: `The link “${excerpt(href, 60)}” is not an http(s) address.`,
          location: blockLocation(b),
        });
  for (const r of references)
    if (r.url?.trim() && !isHttpUrl(r.url.trim()))
      out.push({
        rule: "non-http-link",
        severity: "blocking",
        message: `The reference “${excerpt(r.title || r.key, 60)}” links to “${excerpt(r.url, 60)}”, which is not an http(s) address.`,
        location: { field: "references", refKey: r.key, excerpt: excerpt(r.url) },
      });
  return out;
}
