// Conditions A–Z: every live article under its condition name (its title when it has none), and each of its
// published alternative names as a cross-reference ("Lay term → see Real name"), grouped by first letter.
// One query over the live revisions; the page caches the result until the next publish.
import type { DbTx } from "../db/client";
import { parseAlternativeNames } from "../content/alternative-names";
import { liveArticleWhere } from "./live-filter";

export interface ConditionEntry {
  /** What is listed: the condition name, or an alternative name. */
  name: string;
  slug: string;
  /** For an alternative name: the condition it is another name for. */
  see: string | null;
}

export interface LetterGroup {
  /** "A"–"Z", or "#" for names that start with a digit or another sign. */
  letter: string;
  entries: ConditionEntry[];
}

export const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"];

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function firstLetter(name: string): string {
  const c = name.normalize("NFKD").replace(/\p{M}/gu, "").trim().charAt(0).toUpperCase();
  return c >= "A" && c <= "Z" ? c : "#";
}

/** The conditions of the live articles in one language (the A–Z page of that language). */
export async function listConditions(db: DbTx, locale = "en"): Promise<LetterGroup[]> {
  const rows = await db.article.findMany({
    where: { ...liveArticleWhere, locale },
    select: { slug: true, liveRevision: { select: { title: true, conditionName: true, alternativeNames: true } } },
  });
  const entries: ConditionEntry[] = [];
  for (const row of rows) {
    const rev = row.liveRevision;
    if (!rev) continue;
    const name = rev.conditionName.trim() || rev.title.trim();
    entries.push({ name, slug: row.slug, see: null });
    for (const alt of parseAlternativeNames(rev.alternativeNames))
      if (collator.compare(alt, name) !== 0) entries.push({ name: alt, slug: row.slug, see: name });
  }
  return groupByLetter(entries);
}

export function groupByLetter(entries: ConditionEntry[]): LetterGroup[] {
  const sorted = [...entries].sort(
    (a, b) => collator.compare(a.name, b.name) || (a.see === null ? -1 : 1) - (b.see === null ? -1 : 1),
  );
  const groups = new Map<string, ConditionEntry[]>();
  for (const entry of sorted) {
    const letter = firstLetter(entry.name);
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return LETTERS.filter((l) => groups.has(l)).map((letter) => ({ letter, entries: groups.get(letter)! }));
}
