// Where an imported page lists its sources, and what each entry is. Pages do it in many shapes:
// - under a heading or a label paragraph: "References", "Sources", "SOURCES:", "Resources", "Further reading",
//   "Bibliography", "Citations", "How we reviewed this article: Sources", "Referencias", "Fuentes", "Quellen",
//   "Literatur", "Bibliographie", "Références"… (several such sections are all taken);
// - in a container the page marks as such (class "references" / "footnotes", role="doc-bibliography"), which is
//   also how Markdown footnotes arrive;
// - with no label at all: a trailing run of numbered paragraphs or a final list whose entries read like sources,
//   even without URL, year or DOI ("1. Mayo ClinicCalcium deposits: …"), when they carry some sign of a source
//   (a known publisher, a publisher and title run together, a quoted title) or the text cites their numbers.
// Never sources: "Related pages", "See also", "Learn more", navigation, share buttons, review dates, copyright
// lines. Inside a source section every entry is kept, also one that cannot be read as a citation (the writer is
// told it needs details); a publisher's introduction to its sources ("We rely on peer-reviewed…") is left out.
import { REFERENCE_HEADING } from "../content/document-blocks";
import { isKnownPublisher, leadingPublisher } from "./known-publishers";
import { visibleText } from "./parse-reference-item";
import { splitPublisherTitle } from "./split-publisher-title";
import { blockText, isListBlock, plainText, type WorkBlock, type WorkInline } from "./work-blocks";

/** Headings and labels of sections whose links are not sources. */
export const NOT_SOURCES_LABEL =
  /^\s*(?:related(?:\s+[\p{L}-]+){0,3}|see also|more (?:on|about|from|in|information on)\b.*|you (?:may|might) also (?:like|be interested in|want)\b.*|read (?:more|next)\b.*|learn more\b.*|also on\b.*|other (?:pages|articles|topics)\b.*|popular\b.*|trending\b.*|tags|share\b.*|in this (?:section|article)|on this page|contents|table of contents|page contents|véase también|ver también|(?:artículos|temas) relacionados|siehe auch|weitere themen|verwandte\b.*|voir aussi|articles connexes|à lire aussi)\s*:?\s*$/iu;

// Labels that name a source list only sometimes (a site also lists its own services under them).
const WEAK_LABEL = /resources|further reading|more information/i;

// Page furniture that ends a source section and is never a source: review and update lines, by-lines,
// disclaimers, copyright, feedback prompts.
const FURNITURE =
  /^\s*(?:(?:page\s+)?last\s+(?:medically\s+)?(?:reviewed|updated|modified)|next\s+review|(?:medically\s+)?reviewed\s+by|review(?:ed)?\s+date|fact[- ]checked|written\s+by|updated\s+(?:on|by)|published\s+(?:on|by)|©|\(c\)\s|copyright|all rights reserved|this\s+(?:tool|article|page|information|content|leaflet)\s+(?:does\s+not|doesn['’]t|is\s+not|isn['’]t|is\s+for|was)|was\s+this\s+(?:page|article|information)\s+(?:helpful|useful)|share\s+(?:this|on)|print\s+(?:this|page)|follow\s+us|sign\s+up|subscribe|advertisement|(?:medical\s+)?disclaimer|the\s+information\s+(?:on|in)\s+this|última\s+(?:revisión|actualización)|zuletzt\s+aktualisiert|dernière\s+mise\s+à\s+jour)/iu;

// Sub-headings inside a source section that group its entries ("Books", "Journal articles", "Websites").
const SUBGROUP =
  /^\s*(?:books?|periodicals?|journals?|(?:journal\s+)?articles?|websites?|web\s+sites?|online(?:\s+resources)?|organi[sz]ations?|guidelines?|reports?|studies|other(?:\s+sources)?|patient\s+(?:information|resources)|libros|artículos|revistas|sitios\s+web|bücher|zeitschriften|artikel|livres|articles|sites\s+web)\s*:?\s*$/iu;

/** "1. ", "[1] ", "[^1]: ", "(1) ", "1) ", "¹ " at the start of an entry: its number. */
export const NUMBERED_ITEM = /^\s*(?:\[\^?(\d{1,3})\]:?\s*|\((\d{1,3})\)\s+|(\d{1,3})[.)]\s+|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*)/;
// What else opens an entry without being part of it: a bullet typed as text, a back-link to the text ("^ a b",
// "↑", "↩").
const ENTRY_PREFIX = /^[\s\uE000]*(?:[•·▪◦‣*–—-]\s+|(?:\^|↑|↩\uFE0E?|⬆)\s*(?:[a-z](?:\s+|$))*)*/;
const BACKLINK_SUFFIX = /\s*(?:↩\uFE0E?|↑|⬆|\^)\s*$/;
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

export function entryNumber(text: string): number | null {
  const m = visibleText(text).replace(ENTRY_PREFIX, "").match(NUMBERED_ITEM);
  if (!m) return null;
  if (m[4]) return Number([...m[4]].map((c) => SUPERSCRIPT.indexOf(c)).join(""));
  return Number(m[1] ?? m[2] ?? m[3]);
}

export function withoutNumber(text: string): string {
  return text
    .replace(ENTRY_PREFIX, "")
    .replace(NUMBERED_ITEM, "")
    .replace(ENTRY_PREFIX, "")
    .replace(BACKLINK_SUFFIX, "");
}

export function isSourceLabel(text: string): boolean {
  const t = visibleText(text);
  return REFERENCE_HEADING.test(t) && !NOT_SOURCES_LABEL.test(t);
}

export function isFurniture(text: string): boolean {
  return FURNITURE.test(visibleText(text));
}

const STRONG =
  /\b10\.\d{4,9}\/\S+|\bPMID:?\s*\d+|\bPMC\d+|\bet al\b|\b(?:accessed|retrieved|consultado|abgerufen|consulté)\b[^.]{0,30}\d{4}|\b(?:19|20)\d{2}\s*;\s*\d+|\(\s*(?:19|20)\d{2}[a-z]?\s*\)|https?:\/\/\S+|\bwww\.[\w-]+\.\S+/i;

/**
 * How much an entry reads like a source: 2 = a citation (identifier, URL written out, "et al", a journal's
 * year;volume, "(2019)", an accessed date); 1 = some sign of one (a known publisher or a publisher and title
 * run together, a quoted title, a linked title, a year in a short line); 0 = none (prose, an instruction).
 */
export function sourceEvidence(text: string, hrefs: string[] = [], linkTexts: string[] = []): 0 | 1 | 2 {
  const t = visibleText(withoutNumber(text));
  if (t.length < 4 || t.length > 1500) return 0;
  if (STRONG.test(t)) return 2;
  const words = t.split(/\s+/).length;
  if (splitPublisherTitle(withoutNumber(text))) return 1;
  const publisher = leadingPublisher(t);
  if (publisher && /^(?:[.:,|–—-]|\s+[(|–—-])/.test(t.slice(publisher.length))) return 1;
  if (/:\s*[“"][^”"]{2,}[”"]/.test(t)) return 1;
  const run = t.match(/\s[|–—-]\s+([^|–—]{2,80})$/);
  if (run && isKnownPublisher(run[1])) return 1;
  const linked = linkTexts.join(" ").length;
  if (hrefs.some((h) => /^https?:\/\//i.test(h)) && words >= 2 && words <= 30 && linked >= t.length * 0.5) return 1;
  if (/\b(?:19|20)\d{2}\b/.test(t) && words <= 30 && !/\b(?:you|your|we|our|I)\b/.test(t) && !/\?\s*$/.test(t))
    return 1;
  return 0;
}

export interface SourceEntry {
  /** The number the page gave the entry (its label, or its place in an ordered list); null if none. */
  n: number | null;
  /** Numbered by the page itself (label or ordered list), not by counting bullets. */
  explicit: boolean;
  text: string;
  hrefs: string[];
  /** Nothing in it reads like a source: kept, with a "needs details" flag. */
  unrecognised: boolean;
}

export interface FoundSources {
  body: WorkBlock[];
  entries: SourceEntry[];
  /** The labels of the source sections found ("References", "Sources:"…), or "no heading" for a bare tail. */
  sections: string[];
  /** Paragraphs inside source sections that were not sources (a publisher's note), left out of the article. */
  leftOut: string[];
}

function inlineLines(content: WorkInline[]): WorkInline[][] {
  const lines: WorkInline[][] = [[]];
  for (const n of content) {
    if (n.type === "hardBreak") lines.push([]);
    else lines[lines.length - 1].push(n);
  }
  return lines.filter((l) => visibleText(plainText(l)).length > 0);
}

function matchingEnd(blocks: WorkBlock[], start: number): number {
  let depth = 0;
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type !== "hint") continue;
    if (b.hint === "end") depth--;
    else depth++;
    if (depth === 0) return i;
  }
  return blocks.length - 1;
}

const textOfBlock = (b: WorkBlock) =>
  b.type === "paragraph" || b.type === "heading" ? visibleText(plainText(b.content)) : "";

/** A paragraph that opens with a source label and goes on with entries: "SOURCES:<br>…", "Sources: NHS (…)". */
function inlineLabel(b: WorkBlock): { label: string; rest: WorkInline[] } | null {
  if (b.type !== "paragraph") return null;
  const lines = inlineLines(b.content);
  const first = visibleText(plainText(lines[0] ?? []));
  if (lines.length > 1 && isSourceLabel(first))
    return { label: first, rest: b.content.slice(b.content.findIndex((n) => n.type === "hardBreak") + 1) };
  const m = first.match(/^([^:]{3,60}):\s+\S/);
  if (m && isSourceLabel(m[1])) {
    // Drop the label from the first text node that holds it.
    const rest: WorkInline[] = [];
    let dropped = false;
    for (const n of b.content) {
      if (!dropped && n.type === "text" && n.text.includes(":")) {
        rest.push({ ...n, text: n.text.slice(n.text.indexOf(":") + 1) });
        dropped = true;
      } else if (dropped) rest.push(n);
    }
    return { label: m[1], rest };
  }
  return null;
}

class Collector {
  entries: SourceEntry[] = [];
  leftOut: string[] = [];
  private counter = 1;

  add(text: string, hrefs: string[], linkTexts: string[], ordinal: number | null) {
    const own = entryNumber(text);
    const clean = withoutNumber(text);
    if (visibleText(clean).length < 3) return;
    const n = own ?? ordinal;
    this.entries.push({
      n: n ?? this.counter,
      explicit: n !== null,
      text: clean,
      hrefs,
      unrecognised: sourceEvidence(clean, hrefs, linkTexts) === 0,
    });
    this.counter = (n ?? this.counter) + 1;
  }

  /** One line of a source section; it may name several sources ("NHS (Kidney stones), Mayo Clinic (…)",
   *  "[NHS](…), [Mayo Clinic](…)", "NHS; Mayo Clinic; CDC"). */
  addLine(content: WorkInline[]) {
    const { text, hrefs, linkTexts } = blockText([{ type: "paragraph", content }]);
    const plain = visibleText(text);
    // Only links, separated by commas, semicolons, "|" or "·": one source per link.
    if (linkTexts.length >= 2 && linkTexts.length === hrefs.length) {
      let rest = plain;
      for (const lt of linkTexts) rest = rest.replace(lt, "");
      if (/^[\s,;|·•]*(?:and[\s,;|·•]*)?$/.test(rest.replace(/\band\b/g, ""))) {
        linkTexts.forEach((lt, i) => this.add(lt, [hrefs[i]], [lt], null));
        return;
      }
    }
    const named = plain.split(/;\s+/);
    if (named.length > 1 && named.every((p) => p.split(/\s+/).length <= 8 && !/[.?!]\s/.test(p))) {
      for (const part of named) this.add(part, [], [], null);
      return;
    }
    const parts = plain.split(/(?<=\)),\s+(?=[\p{Lu}\p{N}])/u);
    if (parts.length > 1 && parts.every((p) => /^[^()]{2,80}\([^()]{2,200}\)$/.test(p))) {
      // Each named source is usually its own link: give each part its link when the counts agree.
      const own = linkTexts.length === parts.length && hrefs.length === parts.length;
      parts.forEach((part, i) => this.add(part, own ? [hrefs[i]] : [], own ? [linkTexts[i]] : [], null));
      return;
    }
    this.add(text, hrefs, linkTexts, null);
  }

  takeBlock(b: WorkBlock) {
    if (isListBlock(b)) {
      let ordinal = b.type === "orderedList" ? (b.start ?? 1) : null;
      for (const item of b.items) {
        const { text, hrefs, linkTexts } = blockText(item);
        this.add(text, hrefs, linkTexts, ordinal);
        if (ordinal !== null) ordinal++;
      }
    } else if (b.type === "paragraph") {
      const lines = inlineLines(b.content);
      const whole = blockText([b]);
      const words = visibleText(whole.text).split(/\s+/).length;
      const prose =
        lines.length <= 1 &&
        sourceEvidence(whole.text, whole.hrefs, whole.linkTexts) < 2 &&
        ((words >= 20 &&
          /\b(?:we|our|us|this article|these sources|nuestr[oa]s?|wir|unsere|nous|nos)\b/i.test(whole.text)) ||
          /:\s*$/.test(visibleText(whole.text)) ||
          words >= 45);
      // A label line heading the entries ("SOURCES:<br>…") is not one of them.
      const entries = lines.length > 1 && isSourceLabel(plainText(lines[0])) ? lines.slice(1) : lines;
      if (prose) this.leftOut.push(visibleText(whole.text));
      else if (entries.length > 1 || entries.length < lines.length) for (const line of entries) this.addLine(line);
      else this.addLine(b.content);
    } else if (b.type === "blockquote") b.content.forEach((x) => this.takeBlock(x));
  }
}

/**
 * Where a labelled section ends: the next heading that is not a sub-group, a container hint, page furniture, a
 * "Learn more" line, another source label — or, once the section has had its list, a paragraph that is not a
 * full citation (what follows a source list is the page's closing matter, not more sources).
 */
function sectionEnd(blocks: WorkBlock[], from: number, labelLevel: number): number {
  let hadList = false;
  for (let j = from; j < blocks.length; j++) {
    const b = blocks[j];
    if (b.type === "hint") return j;
    if (b.type === "heading") {
      const t = textOfBlock(b);
      if (b.level <= labelLevel || !SUBGROUP.test(t)) return j;
    }
    if (b.type === "paragraph") {
      const t = textOfBlock(b);
      if (isFurniture(t) || isSourceLabel(t) || NOT_SOURCES_LABEL.test(t)) return j;
      const { text, hrefs, linkTexts } = blockText([b]);
      if (hadList && sourceEvidence(text, hrefs, linkTexts) < 2) return j;
      if (isLinkOnlyNav(b) && sourceEvidence(text, hrefs, linkTexts) < 2) return j;
    }
    if (isListBlock(b)) {
      // A second list after the sources that is navigation or ordinary items ("Share", related articles).
      if (hadList) {
        const evidenced = b.items.filter((it) => {
          const x = blockText(it);
          return sourceEvidence(x.text, x.hrefs, x.linkTexts) >= 1;
        }).length;
        if (isLinkOnlyNav(b) || evidenced < b.items.length / 2) return j;
      }
      hadList = true;
    }
  }
  return blocks.length;
}

/** Links and nothing else, each a few words ("Privacy policy", "Share on X", "Home › Skin"): navigation. */
function isLinkOnlyNav(b: WorkBlock): boolean {
  const shortLinks = (blocks: WorkBlock[]) => {
    const { text, linkTexts } = blockText(blocks);
    const t = visibleText(text);
    return (
      linkTexts.length > 0 &&
      linkTexts.join(" ").length >= t.replace(/[\s|·•›»>,]+/g, " ").trim().length * 0.8 &&
      linkTexts.every((lt) => lt.split(/\s+/).length <= 6) &&
      sourceEvidence(t) < 2
    );
  };
  if (isListBlock(b)) return b.items.every((item) => shortLinks(item));
  return b.type === "paragraph" && shortLinks([b]);
}

/** Takes the page's source sections out of the blocks and returns their entries. */
export function findSources(blocks: WorkBlock[], citedNumbers: Set<number>): FoundSources {
  const c = new Collector();
  const sections: string[] = [];
  const removed = new Set<number>();
  const notSourceZone = new Set<number>();

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === "hint") {
      const end = matchingEnd(blocks, i);
      if (b.hint === "sources") {
        const inner = blocks.slice(i + 1, end).filter((x) => x.type !== "hint");
        const label = inner[0] && inner[0].type !== "blockquote" && !isListBlock(inner[0]) ? textOfBlock(inner[0]) : "";
        const hasLabel = !!label && isSourceLabel(label);
        const before = c.entries.length;
        inner.slice(hasLabel ? 1 : 0).forEach((x) => {
          if (x.type !== "heading") c.takeBlock(x);
        });
        if (c.entries.length > before) {
          sections.push(hasLabel ? label : "a source list marked in the page");
          for (let k = i; k <= end; k++) removed.add(k);
          // A heading right before the container that names it ("<h2>References</h2><div class=references>").
          if (i > 0 && !removed.has(i - 1) && isSourceLabel(textOfBlock(blocks[i - 1]))) removed.add(i - 1);
        }
      } else if (b.hint === "notSources") for (let k = i; k <= end; k++) notSourceZone.add(k);
      i = b.hint === "end" ? i : end;
      continue;
    }
    if (b.type === "heading" || b.type === "paragraph") {
      const text = textOfBlock(b);
      const level = b.type === "heading" ? b.level : 0;
      const inline = b.type === "paragraph" ? inlineLabel(b) : null;
      if (!isSourceLabel(text) && !inline) continue;
      // Entries in the label's own paragraph ("Sources: NHS (…), Mayo Clinic (…)") are the whole section.
      const end = inline ? i + 1 : sectionEnd(blocks, i + 1, level || 99);
      const before = c.entries.length;
      const leftOutBefore = c.leftOut.length;
      if (inline) {
        const lines = inlineLines(inline.rest);
        for (const line of lines) c.addLine(line);
      }
      for (let k = i + 1; k < end; k++) if (blocks[k].type !== "heading") c.takeBlock(blocks[k]);
      // "Resources" and "Further reading" also head a site's own links ("Find a doctor", "Pay a bill"): under
      // those labels most entries must show some sign of a source.
      const taken = c.entries.slice(before);
      const evidenced = taken.filter((e) => !e.unrecognised).length;
      if (WEAK_LABEL.test(inline ? inline.label : text) && taken.length && evidenced < taken.length / 2) {
        c.entries.length = before;
        c.leftOut.length = leftOutBefore;
        continue;
      }
      if (c.entries.length > before || end > i + 1) {
        sections.push(inline ? inline.label : text);
        for (let k = i; k < end; k++) removed.add(k);
        i = end - 1;
      }
    }
  }

  if (!sections.length) {
    const tail = findUnlabelledTail(blocks, citedNumbers, notSourceZone);
    if (tail) {
      for (let k = tail.start; k < tail.end; k++) {
        c.takeBlock(blocks[k]);
        removed.add(k);
      }
      if (c.entries.length) sections.push("no heading");
    }
  }

  const body = blocks.filter((b, i) => !removed.has(i) && b.type !== "hint");
  return { body, entries: c.entries, sections, leftOut: c.leftOut };
}

/**
 * A run of source-like blocks at the end of the page (after skipping review dates, copyright lines, "Related
 * pages" sections and link-only navigation lists): numbered paragraphs or lists.
 */
function findUnlabelledTail(
  blocks: WorkBlock[],
  citedNumbers: Set<number>,
  notSourceZone: Set<number>,
): { start: number; end: number } | null {
  let end = blocks.length;
  // Trailing "Related pages" / "See also" sections (a not-sources heading with only such headings after it).
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.type !== "heading") continue;
    if (NOT_SOURCES_LABEL.test(textOfBlock(b))) end = i;
    else break;
  }
  while (end > 0) {
    const b = blocks[end - 1];
    const skip =
      b.type === "hint" ||
      notSourceZone.has(end - 1) ||
      (b.type === "paragraph" && isFurniture(textOfBlock(b))) ||
      isLinkOnlyNav(b);
    if (!skip) break;
    end--;
  }

  type Item = { evidence: 0 | 1 | 2; n: number | null; split: boolean };
  const items: Item[] = [];
  let start = end;
  let numberedParagraphs = 0;
  let lists = 0;
  for (let i = end - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.type === "paragraph") {
      const { text, hrefs, linkTexts } = blockText([b]);
      const n = entryNumber(text);
      const evidence = sourceEvidence(text, hrefs, linkTexts);
      const split = !!splitPublisherTitle(withoutNumber(text));
      if (n === null && !split) break;
      if (n !== null) numberedParagraphs++;
      items.unshift({ evidence, n, split });
      start = i;
    } else if (isListBlock(b)) {
      if (isLinkOnlyNav(b) && !b.items.some((it) => sourceEvidence(blockText(it).text) === 2)) break;
      let ordinal = b.type === "orderedList" ? (b.start ?? 1) : null;
      const listItems = b.items.map((it) => {
        const { text, hrefs, linkTexts } = blockText(it);
        const n = entryNumber(text) ?? ordinal;
        if (ordinal !== null) ordinal++;
        return { evidence: sourceEvidence(text, hrefs, linkTexts), n, split: !!splitPublisherTitle(text) };
      });
      // A list of ordinary items (symptoms, steps) ends the run: most entries of a source list show a sign of one,
      // or the text cites every one of them by number.
      const evidenced = listItems.filter((x) => x.evidence >= 1).length;
      const allCited = b.type === "orderedList" && listItems.every((x) => x.n !== null && citedNumbers.has(x.n));
      if (evidenced < listItems.length / 2 && !allCited) break;
      items.unshift(...listItems);
      lists++;
      start = i;
    } else break;
  }
  if (!items.length) return null;
  // Trim leading unrecognised items: the run starts at the first entry with some sign of a source.
  while (items.length && items[0].evidence === 0 && isOnlyParagraph(blocks[start])) {
    items.shift();
    start++;
  }
  if (!items.length) return null;

  const strong = items.filter((x) => x.evidence === 2).length;
  const signs = items.filter((x) => x.evidence >= 1).length;
  const cited = items.filter((x) => x.n !== null && citedNumbers.has(x.n)).length;
  const numbered = items.filter((x) => x.n !== null).length;
  const allSplit = items.every((x) => x.split);

  // Full citations: two or more, in a list (most of its items) or in numbered paragraphs.
  if (strong >= 2 && strong / items.length >= 0.6 && (lists > 0 || numberedParagraphs >= 2)) return { start, end };
  // Plain numbered sources without URL, year or DOI: most entries carry some sign of a source, and either there
  // are two or more, or the text cites them by number.
  if (numbered === items.length && signs >= Math.ceil(items.length / 2) && signs >= 1 && (items.length >= 2 || cited))
    return { start, end };
  // Unnumbered paragraphs, each a publisher and title run together.
  if (allSplit && items.length >= 2) return { start, end };
  return null;
}

function isOnlyParagraph(b: WorkBlock | undefined): boolean {
  return b?.type === "paragraph";
}
