// Turns one item of an imported reference list ("Smith J, Doe A. Title. J Clin Med. 2021;10(1):1.
// doi:10.3390/x. PMID: 123") into structured fields. Identifiers (DOI, PMID, URL, year, accessed date) are
// found by pattern and are reliable; authors / title / container are a best guess from the common
// Vancouver and APA shapes, shown to the writer to check in the reference manager.
import { isSafeHttpUrl } from "../content/document-schema";
import { DOI_PATTERN, referenceInputSchema, type ReferenceData } from "../references/reference-schema";

export interface ReferenceItemSource {
  text: string;
  hrefs: string[];
}

const TRAILING_PUNCT = /[.,;:)\]]+$/;

function firstMatch(re: RegExp, s: string): RegExpMatchArray | null {
  return s.match(re);
}

export function parseReferenceItem(src: ReferenceItemSource): { data: ReferenceData; warnings: string[] } {
  const warnings: string[] = [];
  let text = src.text.replace(/\s+/g, " ").trim();
  let doi: string | null = null;
  let pmid: string | null = null;
  let url: string | null = null;

  for (const href of src.hrefs) {
    const d = href.match(/^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/.+)$/i);
    if (d && !doi) {
      doi = decodeURIComponent(d[1]);
      continue;
    }
    const p = href.match(/^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})\/?/i);
    if (p && !pmid) {
      pmid = p[1];
      continue;
    }
    if (!url && isSafeHttpUrl(href)) url = href;
  }

  const doiText = firstMatch(/\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"<>]+)/i, text);
  if (doiText) {
    doi ??= doiText[1].replace(TRAILING_PUNCT, "");
    text = text.replace(doiText[0], " ");
  }
  const pmidText = firstMatch(/\bPMID:?\s*(\d{1,9})\b/i, text);
  if (pmidText) {
    pmid ??= pmidText[1];
    text = text.replace(pmidText[0], " ");
  }
  text = text.replace(/\bPMCID:?\s*PMC\d+\b/gi, " ");
  let accessedAt: Date | null = null;
  const accessed = firstMatch(/\b(?:accessed|retrieved|cited)(?:\s+on)?:?\s+([^.;\]]+?\d{4})\]?/i, text);
  if (accessed) {
    const d = new Date(`${accessed[1].trim()} UTC`);
    if (!Number.isNaN(d.getTime())) accessedAt = d;
    text = text.replace(accessed[0], " ");
  }
  const urls = text.match(/https?:\/\/[^\s<>"]+/gi) ?? [];
  for (const u of urls) {
    const clean = u.replace(TRAILING_PUNCT, "");
    if (!url && isSafeHttpUrl(clean)) url = clean;
    text = text.replace(u, " ");
  }
  text = text
    .replace(/\b(?:available (?:at|from)|from|online):?\s*$/i, "")
    .replace(/\s+/g, " ")
    .replace(/[\s.,;]+$/, "")
    .trim();

  const maxYear = new Date().getUTCFullYear() + 1;
  let year: number | null = null;
  let authors = "";
  let title = "";
  let containerTitle = "";

  const apa = text.match(/^(.*?)\s*\((\d{4})[a-z]?(?:,[^)]*)?\)\.?\s*(.*)$/);
  if (apa && Number(apa[2]) >= 1500 && Number(apa[2]) <= maxYear) {
    year = Number(apa[2]);
    authors = apa[1].replace(/[.,\s]+$/, "");
    const rest = splitSentences(apa[3]);
    title = rest[0] ?? "";
    containerTitle = stripVolume(rest[1] ?? "");
  } else {
    const years = [...text.matchAll(/\b(1[5-9]\d{2}|20\d{2})\b/g)].map((m) => Number(m[1])).filter((y) => y <= maxYear);
    year = years.length ? years[0] : null;
    const parts = splitSentences(text);
    // Web pages are often cited without authors: "Long title of the page. Publisher. 2020" (a first part
    // of six words or more is a title, not an organisation as author), or "Title – Publisher" run together.
    if (parts.length >= 3 && !looksLikeAuthors(parts[0]) && parts[0].split(/\s+/).length >= 6) {
      title = parts[0];
      containerTitle = stripVolume(parts[1]);
    } else if (parts.length >= 3) {
      [authors, title] = parts;
      containerTitle = stripVolume(parts[2]);
    } else if (parts.length === 2) {
      [authors, title] = parts;
    } else {
      title = parts[0] ?? "";
    }
    if (!containerTitle) {
      const run = title.match(/^(.{3,}?)\s+(?:[|–—]|-)\s+([^|–—]{2,80})$/);
      if (run) [title, containerTitle] = [run[1], run[2]];
    }
    title = title.replace(/[\s,;:]+(?:19|20)\d{2}$/, "");
  }
  title = title.replace(/^["“']|["”']$/g, "").trim();
  if (!title) title = src.text.replace(/\s+/g, " ").trim().slice(0, 300) || "Untitled reference";

  const candidate = {
    authors: authors.slice(0, 1000),
    title: title.slice(0, 500),
    containerTitle: containerTitle.slice(0, 300),
    year,
    url,
    doi: doi && DOI_PATTERN.test(doi) ? doi : null,
    pmid,
    accessedAt,
    peerReviewed: false,
  };
  const parsed = referenceInputSchema.safeParse(candidate);
  if (parsed.success) return { data: parsed.data, warnings };
  // Drop only the fields that failed, so one odd value does not lose the whole reference.
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const repaired: Record<string, unknown> = { ...candidate };
  for (const field of bad) {
    repaired[field] =
      field === "title" ? "Untitled reference" : field === "authors" || field === "containerTitle" ? "" : null;
    warnings.push(`Reference "${candidate.title.slice(0, 60)}": ${field} was not usable and was left empty.`);
  }
  return { data: referenceInputSchema.parse(repaired), warnings };
}

/** "Smith J, Doe AB", "Smith J et al", "World Health Organization"? Only the first two count as authors. */
function looksLikeAuthors(s: string): boolean {
  if (/\bet al\b/i.test(s)) return true;
  const names = s.split(/,\s*|\s+and\s+|\s*&\s*/).filter(Boolean);
  return names.length > 0 && names.every((n) => /^[\p{Lu}][\p{L}'’-]+(?:\s[\p{L}'’-]+)*\s\p{Lu}{1,3}$/u.test(n.trim()));
}

/** Splits at ". " before a capital, digit or quote: Vancouver initials carry no periods ("Smith JA"), and APA
 * author lists (with periods) are taken off before this by the "(year)" rule. */
function splitSentences(s: string): string[] {
  return s
    .split(/[.?!]\s+(?=[A-Z0-9"“])/)
    .map((p) => p.replace(/[.\s]+$/, "").trim())
    .filter(Boolean);
}

/** "J Clin Med. 2021;10(1):1" → "J Clin Med"; "Journal, 10(1), 1–5" → "Journal". */
function stripVolume(s: string): string {
  return s
    .replace(/[.,;\s]*\d{4}\s*[;:(].*$/, "")
    .replace(/,\s*\d+\s*(\(\d+\))?.*$/, "")
    .replace(/[.,;\s]+$/, "")
    .trim();
}
