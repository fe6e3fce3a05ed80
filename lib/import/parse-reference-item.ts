// Turns one item of an imported reference list ("Smith J, Doe A. Title. J Clin Med. 2021;10(1):1.
// doi:10.3390/x. PMID: 123") into structured fields. Identifiers (DOI, PMID, URL, year, accessed date) are
// found by pattern and are reliable; authors / title / container are a best guess from the common
// Vancouver and APA shapes, the "Publisher: “Title.”" lines of consumer sites, and publisher and title run
// together ("Mayo ClinicCalcium deposits: …"). Guesses are shown to the writer to check in the reference panel.
import { isSafeHttpUrl } from "../content/document-schema";
import { DOI_PATTERN, referenceInputSchema, type ReferenceData } from "../references/reference-schema";
import { isKnownPublisher, leadingPublisher, looksLikeOrganisation } from "./known-publishers";
import { SEAM, splitPublisherTitle, type PublisherTitleSplit } from "./split-publisher-title";

export interface ReferenceItemSource {
  /** The entry's text; SEAM marks where two elements of the page met without a space. */
  text: string;
  hrefs: string[];
}

export interface ParsedReferenceItem {
  data: ReferenceData;
  warnings: string[];
  /** The entry as the reader saw it (whitespace collapsed), kept with the reference. */
  text: string;
  /** Set when publisher and title had run together and were split (offered to the writer). */
  split: PublisherTitleSplit | null;
  /** Why the writer should complete or check this reference; empty when the entry was a full citation. */
  needsDetails: string[];
}

const TRAILING_PUNCT = /[.,;:)\]]+$/;
const maxYear = () => new Date().getUTCFullYear() + 1;

/** The entry's visible text: seams removed, whitespace collapsed. */
export function visibleText(text: string): string {
  return text.replaceAll(SEAM, "").replace(/\s+/g, " ").trim();
}

// "Accessed March 3, 2024", "(accessed 3 March 2024)", "Retrieved …", "Consultado el 3 de marzo de 2024",
// "abgerufen am 3. März 2024", "consulté le 3 mars 2024": a date the reader looked, not a publication year.
const ACCESSED =
  /\(?\b(?:accessed|retrieved|cited|viewed|consultado|consultada|abgerufen|zugegriffen|zugriff|consulté|consulte)(?:\s+(?:on|el|am|le))?:?\s+((?:[^.;\])]|(?<=\b\p{L}{3,4})\.|(?<=\d)\.(?=\s))*?\d{4})\]?\)?/iu;
// "Updated 2022", "Last updated 2021", "Published March 2021", "Reviewed 2023", "Actualizado en 2024", "Stand: 2023".
const STATED_YEAR =
  /\b(?:(?:last\s+)?(?:updated|reviewed|revised|published|modified)|actualizado(?:\s+en)?|publicado(?:\s+en)?|revisado(?:\s+en)?|aktualisiert|stand:?|mis à jour|publié)(?:\s+(?:on|in|el|le|am))?:?\s+(?:[^;.]{0,20}?)\b((?:1[5-9]|20)\d{2})\b/i;

export function parseReferenceItem(src: ReferenceItemSource): ParsedReferenceItem {
  const warnings: string[] = [];
  const original = visibleText(src.text);
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

  const doiText = text.match(/\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"<>\uE000]+)/i);
  if (doiText) {
    doi ??= doiText[1].replace(TRAILING_PUNCT, "");
    text = text.replace(doiText[0], " ");
  }
  const pmidText = text.match(/\bPMID:?\s*(\d{1,9})\b/i);
  if (pmidText) {
    pmid ??= pmidText[1];
    text = text.replace(pmidText[0], " ");
  }
  text = text.replace(/\bPMCID:?\s*PMC\d+\b/gi, " ");
  let accessedAt: Date | null = null;
  const accessed = text.match(ACCESSED);
  if (accessed) {
    const d = new Date(
      `${accessed[1]
        .replace(/\./g, "")
        .replace(/\b(?:de|el)\b/g, "")
        .trim()} UTC`,
    );
    if (!Number.isNaN(d.getTime()) && d.getUTCFullYear() <= maxYear()) accessedAt = d;
    text = text.replace(accessed[0], " ");
  }
  // Addresses, with or without a scheme ("www.nhs.uk/conditions/gout"): the first one is the link.
  const urls = text.match(/\b(?:https?:\/\/|www\.)[^\s<>"\uE000]+/gi) ?? [];
  for (const u of urls) {
    const clean = u.replace(TRAILING_PUNCT, "");
    const absolute = /^www\./i.test(clean) ? `https://${clean}` : clean;
    if (!url && isSafeHttpUrl(absolute)) url = absolute;
    text = text.replace(u, " ");
  }
  text = text
    .replace(
      /\b(?:retrieved from|available (?:at|from|online)|from|online|en línea|disponible en|verfügbar unter):?\s*$/i,
      "",
    )
    .replace(/\s+/g, " ")
    .replace(/[\s.,;:]+$/, "")
    .trim();

  let year: number | null = null;
  let authors = "";
  let title = "";
  let containerTitle = "";
  const needsDetails: string[] = [];

  const stated = text.match(STATED_YEAR);
  const split = splitPublisherTitle(text);
  const plain = visibleText(text);
  const apa = plain.match(/^(.*?)\s*\((\d{4})[a-z]?(?:,[^)]*)?\)\.?\s*(.*)$/);
  const quoted = plain.match(/^([^:“"]{2,120}?):\s*[“"]([^”"]+?)[,.]?[”"]/);

  if (split) {
    containerTitle = split.publisher;
    title = split.title;
    const y = plain.match(/\b(1[5-9]\d{2}|20\d{2})\b/);
    year = stated ? Number(stated[1]) : y && Number(y[1]) <= maxYear() ? Number(y[1]) : null;
    needsDetails.push(
      `publisher and title had run together (“${original.slice(0, 60)}”); read as “${split.publisher}” and “${split.title}”`,
    );
  } else if (apa && Number(apa[2]) >= 1500 && Number(apa[2]) <= maxYear()) {
    year = Number(apa[2]);
    authors = apa[1].replace(/[.,\s]+$/, "");
    const rest = splitSentences(apa[3]);
    title = rest[0] ?? "";
    containerTitle = stripVolume(rest[1] ?? "");
    // "Title of the page. (2023). https://…": no authors, the part before the year is the title.
    if (!title && authors) [title, authors] = [authors, ""];
    // "American Academy of Dermatology. (2022). Hives." — a known organisation as author is the publisher.
    if (!containerTitle && isKnownPublisher(authors)) [containerTitle, authors] = [authors, ""];
  } else if (quoted) {
    // Consumer sites: "Mayo Clinic: “Hives and angioedema.”" (several titles: the first, the writer checks).
    containerTitle = quoted[1].trim();
    title = quoted[2].trim();
    if ((plain.match(/[“"][^”"]+[”"]/g) ?? []).length > 1)
      needsDetails.push("the entry names several pages of one publisher; only the first title was kept");
    year = stated ? Number(stated[1]) : null;
  } else {
    const years = [...plain.matchAll(/\b(1[5-9]\d{2}|20\d{2})\b/g)]
      .map((m) => Number(m[1]))
      .filter((y) => y <= maxYear());
    year = stated ? Number(stated[1]) : years.length ? years[0] : null;
    ({ authors, title, containerTitle } = readCitation(plain.replace(STATED_YEAR, "").trim()));
  }
  title = title
    .replace(/^["“']|["”']$/g, "")
    .replace(/[\s.,;:]+$/, "")
    .trim();
  if (!title) {
    title = original.slice(0, 300) || "Untitled reference";
    needsDetails.push("no title could be told apart: the whole entry is the title");
  }
  if (!url && !doi && !pmid) needsDetails.push("no link (URL, DOI or PMID)");

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
  if (parsed.success) return { data: parsed.data, warnings, text: original, split, needsDetails };
  // Drop only the fields that failed, so one odd value does not lose the whole reference.
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const repaired: Record<string, unknown> = { ...candidate };
  for (const field of bad) {
    repaired[field] =
      field === "title" ? "Untitled reference" : field === "authors" || field === "containerTitle" ? "" : null;
    warnings.push(`Reference "${candidate.title.slice(0, 60)}": ${field} was not usable and was left empty.`);
    needsDetails.push(`the ${field} was not usable`);
  }
  return { data: referenceInputSchema.parse(repaired), warnings, text: original, split, needsDetails };
}

interface CitationParts {
  authors: string;
  title: string;
  containerTitle: string;
}

/** A part that only states a year ("2022", "Updated 2022", "Publié en mars 2021"): not a title or publisher. */
const YEAR_ONLY = /^(?:[\p{L}\s]{0,30}?\s)?(?:1[5-9]|20)\d{2}[a-z]?$/u;
// "Philadelphia, PA: Elsevier; 2020:chap 29", "Elsevier; 2023": the publishing house of a book.
const BOOK_PUBLISHER = /(?:^|[.:]\s+)([\p{Lu}][^.:;]{1,60}?);\s*(?:1[5-9]|20)\d{2}\b/gu;
// "Journal. 2016;388(10055):2039" / "2011 Apr;70(4)" / "2016 Jun 30;374(26)": the part after the journal.
const VOLUME_PART = /^(?:1[5-9]|20)\d{2}(?:\s+\p{L}{3,9}\.?(?:\s+\d{1,2})?)?\s*[;:(]/u;

/**
 * Authors, title and publisher (journal, site, or publishing house) of an entry without a "(year)": the Vancouver
 * and AMA shapes ("Smith J. Title. J Clin Med. 2021;10:1"), book chapters ("… In: Eds. Book. Elsevier; 2020"),
 * "Title; Publisher, June 2022" and "Authors; Title. Journal" (Patient.info), "Publisher (Title)" (healthdirect),
 * "Title – Site" and "Site – Title", "Publisher: Title", and "Publisher. Title." for web pages.
 */
function readCitation(text: string): CitationParts {
  const out: CitationParts = { authors: "", title: "", containerTitle: "" };
  const known = leadingPublisher(text);
  // "Biblioteca Nacional de Medicina de los EE. UU. Calcinosis.": a known name with its own full stops is one part.
  const after = known ? text.slice(known.length) : "";
  const protectedHead = known && (/^\./.test(after) || (known.endsWith(".") && /^\s/.test(after))) ? known : null;
  let body = protectedHead ? text.slice(protectedHead.length).replace(/^[.\s]+/, "") : text;

  // "Rosenthal AK, Ryan LM; Title. Journal…" (authors end at the semicolon) or "Title; Publisher, June 2022".
  const semi = body.match(/^([^.;]{3,300});\s+(.+)$/);
  if (!protectedHead && semi && !/[.?!]\s/.test(semi[1])) {
    if (looksLikeAuthors(semi[1]) || /\bet al\b/.test(semi[1])) body = `${semi[1]}. ${semi[2]}`;
    else {
      out.title = semi[1].trim();
      out.containerTitle = semi[2]
        .replace(/\s*\([^)]*\)\s*$/, "")
        .replace(/,?\s*(?:\p{L}+\s+)?(?:1[5-9]|20)\d{2}.*$/u, "")
        .trim();
      return out;
    }
  }
  const colon = body.match(/^([^:]{2,80}):\s+(.+)$/);
  if (!protectedHead && colon && isKnownPublisher(colon[1])) {
    // "NHS: Gout" — publisher, then the title.
    out.containerTitle = colon[1].trim();
    out.title = splitSentences(colon[2])[0] ?? colon[2];
    return out;
  }
  const paren = body.match(/^([^()]{2,80}?)\s*\(([^()]{2,200})\)$/);
  if (
    !protectedHead &&
    paren &&
    (isKnownPublisher(paren[1]) || (/^\p{Lu}/u.test(paren[2]) && /^\p{Lu}\S*\s+\p{Lu}/u.test(paren[1])))
  ) {
    // "NHS (Kidney stones)", "Kidney Health Australia (Kidney stones)".
    out.containerTitle = paren[1].trim();
    out.title = paren[2].trim();
    return out;
  }
  const parts = splitSentences(body).filter((p) => !YEAR_ONLY.test(p));
  if (protectedHead) parts.unshift(protectedHead);

  const chapter = /\bIn:\s/.test(body);
  const house = [...body.matchAll(BOOK_PUBLISHER)].map((m) => m[1].replace(/^.*:\s*/, "").trim()).pop();
  const volumeAt = parts.findIndex((p, i) => i >= 2 && VOLUME_PART.test(p));
  const knownAt = parts.findIndex((p) => isKnownPublisher(stripVolume(p)));

  if (chapter || (house && parts.length >= 3 && volumeAt < 0)) {
    // A book or a chapter in one: the authors, the title, and the publishing house.
    [out.authors, out.title] = looksLikeAuthors(parts[0]) || parts.length >= 3 ? parts : ["", parts[0]];
    out.containerTitle = house ?? "";
    if (out.title?.startsWith("In:")) [out.title, out.authors] = [out.authors, ""];
  } else if (volumeAt >= 3 && looksLikeAuthors(parts[0])) {
    // Vancouver with a title of several sentences: the journal is the part right before "2011;65(1):15".
    out.authors = parts[0];
    out.title = parts.slice(1, volumeAt - 1).join(". ");
    out.containerTitle = stripVolume(parts[volumeAt - 1]);
  } else if (knownAt >= 0 && parts.length >= 2 && parts.length <= 4 && !looksLikeAuthors(parts[0])) {
    // "MedlinePlus. Calcinosis cutis." or "Calcinosis cutis. MedlinePlus.": the known name is the site.
    out.containerTitle = stripVolume(parts[knownAt]);
    out.title = parts.find((_, i) => i !== knownAt) ?? "";
  } else if (parts.length >= 3 && !looksLikeAuthors(parts[0]) && parts[0].split(/\s+/).length >= 6) {
    // Web pages are often cited without authors: "Long title of the page. Publisher. 2020" (a first part
    // of six words or more is a title, not an organisation as author).
    out.title = parts[0];
    out.containerTitle = stripVolume(parts[1]);
  } else if (parts.length >= 3) {
    [out.authors, out.title] = parts;
    out.containerTitle = stripVolume(parts[2]);
  } else if (parts.length === 2) {
    [out.authors, out.title] = parts;
    // "Deutsche Gesellschaft für Rheumatologie. Gicht." — an organisation, not people, publishes the page.
    if (!looksLikeAuthors(out.authors)) [out.containerTitle, out.authors] = [out.authors, ""];
  } else {
    out.title = parts[0] ?? "";
    if (isKnownPublisher(out.title)) out.containerTitle = out.title;
  }
  if (!out.containerTitle) {
    const run = out.title.match(/^(.{2,}?)\s+(?:[|–—]|-)\s+([^|–—]{2,80})$/);
    if (run) {
      // "Gout – NHS" (title, then site) or "NHS – Plantar fasciitis" (a known site first).
      const siteFirst = looksLikeOrganisation(run[1]) && !looksLikeOrganisation(run[2]);
      [out.title, out.containerTitle] = siteFirst ? [run[2], run[1]] : [run[1], run[2]];
    }
  }
  out.title = out.title.replace(/[\s,;:]+(?:19|20)\d{2}$/, "");
  return out;
}

/** "Smith J, Doe AB", "Smith J et al", "World Health Organization"? Only the first two count as authors. */
export function looksLikeAuthors(s: string): boolean {
  if (/\bet al\b/i.test(s)) return true;
  const names = s.split(/,\s*|\s+and\s+|\s*&\s*/).filter(Boolean);
  return names.length > 0 && names.every((n) => /^[\p{Lu}][\p{L}'’-]+(?:\s[\p{L}'’-]+)*\s\p{Lu}{1,3}$/u.test(n.trim()));
}

/** Splits at ". " before a capital, digit or quote: Vancouver initials carry no periods ("Smith JA"), and APA
 * author lists (with periods) are taken off before this by the "(year)" rule. */
function splitSentences(s: string): string[] {
  return s
    .split(/[.?!]\s+(?=[\p{Lu}0-9"“])/u)
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
