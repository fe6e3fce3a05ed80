// A frozen revision's references formatted in a citation style, in the order the page numbers them (first
// citation in the body). Run when publishing and when the style of a live article changes; the result is
// stored on the Publication (referencesHtml) and read by the public page as it is.
import type { DocumentJson } from "../content/document-schema";
import { parseReferencesJson, type ReferenceSnapshot } from "../content/reference-snapshot";
import { orderReferences } from "../content/render";
import type { CitationStyle } from "./citation-styles";
import { formatReferences } from "./format-references";

function parseBody(bodyJson: string): DocumentJson {
  try {
    const body = JSON.parse(bodyJson) as DocumentJson | null;
    return body && Array.isArray(body.content) ? body : { type: "doc", content: [] };
  } catch {
    return { type: "doc", content: [] };
  }
}

/** Reference key → HTML of its entry, for the references of a document (snapshots in any order). */
export function formatDocumentReferences(
  body: DocumentJson,
  references: ReferenceSnapshot[],
  style: CitationStyle,
): Record<string, string> {
  const ordered = orderReferences(body, references).map(({ number: _n, citedCount: _c, ...r }) => r);
  return Object.fromEntries(formatReferences(ordered, style));
}

/** The same for a frozen revision's stored JSON; the string is what Publication.referencesHtml holds. */
export function formatRevisionReferences(bodyJson: string, referencesJson: string, style: CitationStyle): string {
  let references: ReferenceSnapshot[] = [];
  try {
    references = parseReferencesJson(referencesJson);
  } catch {
    references = [];
  }
  return JSON.stringify(formatDocumentReferences(parseBody(bodyJson), references, style));
}

/** Publication.referencesHtml back into a map; anything unreadable is an empty map (the plain renderer is used). */
export function parseFormattedReferences(json: string | null | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
  } catch {
    return {};
  }
}
