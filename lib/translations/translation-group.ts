// An article and its translations form one group: the source article (translationOfId null) and every article
// whose translationOfId names it. Readers' pages (hreflang, the language switcher), the content API and the
// studio all list a group the same way, through these functions.
import type { DbTx } from "../db/client";

export interface TranslationLink {
  articleId: string;
  locale: string;
  slug: string;
  /** The article the others were translated from. */
  isSource: boolean;
  /** Readers can see it (it has a live revision). */
  live: boolean;
  liveRevisionId: string | null;
}

const LINK_SELECT = { id: true, locale: true, slug: true, translationOfId: true, liveRevisionId: true } as const;

type LinkRow = {
  id: string;
  locale: string;
  slug: string;
  translationOfId: string | null;
  liveRevisionId: string | null;
};

function toLink(row: LinkRow): TranslationLink {
  return {
    articleId: row.id,
    locale: row.locale,
    slug: row.slug,
    isSource: row.translationOfId === null,
    live: row.liveRevisionId !== null,
    liveRevisionId: row.liveRevisionId,
  };
}

function byRoot(rows: LinkRow[]): Map<string, TranslationLink[]> {
  const groups = new Map<string, TranslationLink[]>();
  for (const row of rows) {
    const root = row.translationOfId ?? row.id;
    const list = groups.get(root) ?? [];
    list.push(toLink(row));
    groups.set(root, list);
  }
  // Source first, then by locale code: a stable order for hreflang lists and API payloads.
  for (const list of groups.values())
    list.sort((a, b) => (a.isSource === b.isSource ? a.locale.localeCompare(b.locale) : a.isSource ? -1 : 1));
  return groups;
}

/**
 * Every article of the groups the given articles belong to, keyed by each given article id (two queries,
 * whatever the number of ids). An article with no translations maps to a group of itself alone.
 */
export async function loadTranslationGroups(
  db: DbTx,
  articleIds: readonly string[],
): Promise<Map<string, TranslationLink[]>> {
  const out = new Map<string, TranslationLink[]>();
  if (articleIds.length === 0) return out;
  const own = await db.article.findMany({ where: { id: { in: [...articleIds] } }, select: LINK_SELECT });
  const roots = [...new Set(own.map((a) => a.translationOfId ?? a.id))];
  const rows = await db.article.findMany({
    where: { OR: [{ id: { in: roots } }, { translationOfId: { in: roots } }] },
    select: LINK_SELECT,
  });
  const groups = byRoot(rows);
  for (const a of own) out.set(a.id, groups.get(a.translationOfId ?? a.id) ?? [toLink(a)]);
  return out;
}

/** The group of one article (itself included). */
export async function loadTranslationGroup(db: DbTx, articleId: string): Promise<TranslationLink[]> {
  return (await loadTranslationGroups(db, [articleId])).get(articleId) ?? [];
}
