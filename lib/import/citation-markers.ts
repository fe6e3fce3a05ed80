// Citation markers in the running text of an imported page: "[2]", "[2, 3]", "[1–3]" and "(2)" / "(1, 2)" (the
// parenthesised numbers of consumer sites), superscripts, and author–date citations "(Camara & Whitfield, 2021)".
// A marker only becomes a citation when the page's source list has what it points at; otherwise it is put back
// as it was written. Decoys that look like markers ("(000)", "type 2", "1 in 7", "(1) rest the joint") are not.

/** "1, 2", "1-3", "1–3, 5" → [1, 2], [1, 2, 3], [1, 2, 3, 5]. Zero is never a marker ("(000)"). */
export function citationNumbers(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(",")) {
    const [a, b] = part.split(/[-–]/).map((x) => Number(x.trim()));
    if (b !== undefined && b >= a && b - a <= 20) for (let i = a; i <= b; i++) out.push(i);
    else out.push(a);
  }
  return out.filter((n) => Number.isInteger(n) && n > 0);
}

export type MarkerPiece = string | { ns: number[]; text: string };

const NUMBERS = String.raw`(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)`;
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const SUP = String.raw`([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})*)`;
const MARKER = new RegExp(String.raw`\[${NUMBERS}\]|\(${NUMBERS}\)|${SUP}`, "g");
const fromSuperscript = (s: string) =>
  s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(SUPERSCRIPT_DIGITS.indexOf(c))).replace(/⁻/g, "-");

/**
 * Splits running text into plain text and numeric markers. Bracketed numbers are markers anywhere; numbers in
 * parentheses only where a citation stands: after a word and before punctuation, the end, or a new sentence —
 * not an enumeration ("(1) rest the joint, (2) …") and not a zero or an area code ("(000)").
 */
export function splitMarkers(text: string): MarkerPiece[] {
  const out: MarkerPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const at = m.index!;
    const spec = m[1] ?? m[2] ?? fromSuperscript(m[3]);
    const ns = citationNumbers(spec);
    if (!ns.length || /^0/.test(spec.trim())) continue;
    // Superscript digits typed as characters ("…in the skin.¹"): a marker after a word or a full stop, not an
    // exponent or a unit ("10⁹", "m²").
    if (m[3] !== undefined && !/[\p{Ll}.,;:)’'”"]$/u.test(text.slice(0, at))) continue;
    if (m[3] !== undefined && /(?:\b(?:m|cm|mm|km|ft|in|s|kg\/m|\/m)|\d)$/.test(text.slice(0, at))) continue;
    if (m[2] !== undefined) {
      const before = text.slice(0, at);
      const after = text.slice(at + m[0].length);
      const afterWord = /[\p{L}\p{N}.,;:!?%)’'”"]\s?$/u.test(before) && before.trim().length > 0;
      const endsHere = /^(?:$|[.,;:!?)\]]|\s+(?:[^\p{Ll}\s]|$))/u.test(after);
      if (!afterWord || !endsHere) continue;
    }
    if (at > last) out.push(text.slice(last, at));
    out.push({ ns, text: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A superscript that is a citation (digits, lists, ranges, brackets), unless it is an exponent or a unit. */
export function supMarker(supText: string, textBefore: string): number[] | null {
  const m = supText.match(/^\s*[[(]?\s*(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\s*[\])]?\s*$/);
  if (!m) return null;
  // "10<sup>9</sup>/L", "kg/m<sup>2</sup>", "5 cm<sup>2</sup>": powers and units, not citations.
  if (/(?:\d|\b(?:m|cm|mm|km|µm|ft|in|s|kg\/m|\/m|x10|×10))\s*$/.test(textBefore)) return null;
  const ns = citationNumbers(m[1]);
  return ns.length ? ns : null;
}

/** A superscript that did not resolve keeps its look: "m2" would read wrong, "m²" reads right. */
export function toSuperscript(text: string): string {
  return /^[\d\s,–-]+$/.test(text) ? text.replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]) : text;
}

export interface AuthorDateSource {
  key: string;
  authors: string;
  containerTitle: string;
  year: number | null;
}

function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
}

/** The family name an entry starts with: "Camara, L., & Whitfield, R." → "camara"; "Smith J, Doe A" → "smith". */
function firstSurname(authors: string): string {
  return fold(
    authors
      .split(/[,;&]| and /)[0]
      ?.trim()
      .split(/\s+/)[0] ?? "",
  );
}

const YEAR = String.raw`(?:1[5-9]|20)\d{2}`;
const CITE = new RegExp(
  String.raw`^(?:see\s+|e\.g\.,?\s+|cf\.\s+)?([\p{Lu}][\p{L}'’ -]*?(?:\s+(?:&|and|y|und|et|e)\s+[\p{Lu}][\p{L}'’-]*|\s+et\s+al\.?)?),?\s+(${YEAR})[a-z]?$`,
  "u",
);

function resolveOne(segment: string, sources: AuthorDateSource[]): string | null {
  const m = segment.trim().match(CITE);
  if (!m) return null;
  const year = Number(m[2]);
  const name = fold(m[1].replace(/\s+et\s+al\.?$/, "").split(/\s+(?:&|and|y|und|et|e)\s+/)[0]);
  const hit = sources.find(
    (s) =>
      s.year === year &&
      (firstSurname(s.authors) === name.split(/\s+/)[0] ||
        (!!s.authors && fold(s.authors).startsWith(name)) ||
        (!!s.containerTitle && fold(s.containerTitle) === name)),
  );
  return hit?.key ?? null;
}

export type AuthorDatePiece = string | { keys: string[]; text: string; keepText?: string };

/**
 * Finds author–date citations and resolves them against the sources: "(Camara & Whitfield, 2021)",
 * "(Smith et al., 2019; Jones 2020)" become citations of those sources; narrative "Camara and Whitfield (2021)"
 * keeps the names and cites at the year. Anything that does not resolve entirely is left as written.
 */
export function splitAuthorDate(text: string, sources: AuthorDateSource[]): AuthorDatePiece[] {
  if (!sources.length || !new RegExp(YEAR).test(text)) return [text];
  const out: AuthorDatePiece[] = [];
  let last = 0;
  const re = new RegExp(
    String.raw`\(([^()]{3,200}?${YEAR}[a-z]?)\)|([\p{Lu}][\p{L}'’-]+(?:\s+(?:&|and|y|und|et|e)\s+[\p{Lu}][\p{L}'’-]+|\s+et\s+al\.?)?)\s+\((${YEAR})[a-z]?\)`,
    "gu",
  );
  for (const m of text.matchAll(re)) {
    let keys: string[] | null = null;
    let keepText: string | undefined;
    if (m[1] !== undefined) {
      const found = m[1].split(/;\s*/).map((s) => resolveOne(s, sources));
      if (found.every(Boolean)) keys = found as string[];
    } else {
      const key = resolveOne(`${m[2]}, ${m[3]}`, sources);
      if (key) {
        keys = [key];
        keepText = m[2];
      }
    }
    if (!keys) continue;
    if (m.index! > last) out.push(text.slice(last, m.index));
    out.push({ keys, text: m[0], ...(keepText ? { keepText } : {}) });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
