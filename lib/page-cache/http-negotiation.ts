// Content coding and conditional requests for stored pages (RFC 9110 §12.5.3 and §13.1.2), kept small: the
// page cache only ever offers br, gzip and identity, and only answers If-None-Match.

import type { Encoding } from "./page-entry";

// Browsers send a handful of distinct Accept-Encoding values, each on every request: parse each once. Emptied when
// full, so a client sending endless odd values costs memory for 256 of them at most.
const chosenFor = new Map<string, Encoding>();
const MAX_REMEMBERED = 256;

/** The best coding the client accepts: br, then gzip, then identity. q=0 refuses a coding. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  let chosen = chosenFor.get(acceptEncoding);
  if (chosen === undefined) {
    chosen = parseAcceptEncoding(acceptEncoding);
    if (chosenFor.size >= MAX_REMEMBERED) chosenFor.clear();
    chosenFor.set(acceptEncoding, chosen);
  }
  return chosen;
}

function parseAcceptEncoding(acceptEncoding: string): Encoding {
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [rawName, ...params] = part.trim().split(";");
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip") || (q.get("x-gzip") ?? 0) > 0) return "gzip";
  return "identity";
}

/**
 * Whether If-None-Match names the stored content (any of its encodings: they are the same page, so the
 * client's copy is current whichever coding it received). Weak comparison, as the RFC asks for this header.
 */
export function matchesIfNoneMatch(ifNoneMatch: string | undefined, contentEtag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = contentEtag.slice(1, -1);
  for (const raw of ifNoneMatch.split(",")) {
    let tag = raw.trim();
    if (tag.startsWith("W/")) tag = tag.slice(2);
    if (!tag.startsWith('"') || !tag.endsWith('"') || tag.length < 2) continue;
    const value = tag.slice(1, -1).replace(/-(br|gz)$/, "");
    if (value === opaque) return true;
  }
  return false;
}
