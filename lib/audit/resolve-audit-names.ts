// The audit log stores ids (the hash chain covers them, and names change); people read names. For one page of
// events this collects every id the rows point at — the entity and the ids inside the stored details — and looks
// each kind up once (one query per kind, whatever the page size), so the audit view can say "Dr. Rowan Iyer" and
// "Calcinosis cutis" where it stored cmx…. An id whose row is gone (a deleted draft, an erased user) stays an id.
import type { DbTx } from "../db/client";
import { articleTitles } from "../feedback/feedback-stats";

export type AuditEntityKind =
  "Article" | "User" | "Revision" | "Credential" | "Specialty" | "WebhookEndpoint" | "MediaItem" | "Feedback";

const KINDS: ReadonlySet<string> = new Set<AuditEntityKind>([
  "Article",
  "User",
  "Revision",
  "Credential",
  "Specialty",
  "WebhookEndpoint",
  "MediaItem",
  "Feedback",
]);

/** Detail keys naming a person: `userId`, `reviewerIds`, `assignedById`, … */
const PERSON_STEMS = new Set(["user", "reviewer", "author", "actor", "owner", "editor", "lasteditor", "writer"]);

/** Which kind of row a stored detail key points at, from its name; null when it is not an id we can name. */
export function kindOfDetailKey(key: string): AuditEntityKind | null {
  if (key === "contributors") return "User"; // a revision's contributors: their user ids
  const m = /^(.*?)Ids?$/.exec(key);
  if (!m || !m[1]) return null;
  const stem = m[1].toLowerCase();
  if (PERSON_STEMS.has(stem) || stem.endsWith("by")) return "User";
  if (stem === "article" || stem === "sourcearticle" || stem === "translationof" || stem === "translation")
    return "Article";
  if (stem === "revision" || stem.endsWith("revision")) return "Revision";
  if (stem === "credential") return "Credential";
  if (stem === "specialty" || stem === "clinicalarea") return "Specialty";
  if (stem === "endpoint") return "WebhookEndpoint";
  if (stem === "media") return "MediaItem";
  if (stem === "feedback") return "Feedback";
  return null;
}

export interface AuditNames {
  /** The readable name of a row, or undefined when it is not known (the caller shows the id). */
  name(kind: string, id: string): string | undefined;
}

interface EventRef {
  entityType: string;
  entityId: string;
  dataJson: string;
}

function idsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (value && typeof value === "object" && "from" in value && "to" in value)
    return [...idsIn((value as { from: unknown }).from), ...idsIn((value as { to: unknown }).to)];
  return [];
}

/** Every (kind, id) the events point at. */
export function collectAuditRefs(events: readonly EventRef[]): Map<AuditEntityKind, Set<string>> {
  const refs = new Map<AuditEntityKind, Set<string>>();
  const add = (kind: AuditEntityKind, id: string) => {
    if (!id) return;
    let set = refs.get(kind);
    if (!set) refs.set(kind, (set = new Set()));
    set.add(id);
  };
  for (const e of events) {
    if (KINDS.has(e.entityType)) add(e.entityType as AuditEntityKind, e.entityId);
    let data: unknown;
    try {
      data = JSON.parse(e.dataJson);
    } catch {
      continue;
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) continue;
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const kind = kindOfDetailKey(key);
      if (kind) for (const id of idsIn(value)) add(kind, id);
    }
  }
  return refs;
}

export async function resolveAuditNames(db: DbTx, events: readonly EventRef[]): Promise<AuditNames> {
  const refs = collectAuditRefs(events);
  const names = new Map<string, string>();
  const put = (kind: AuditEntityKind, id: string, name: string) => names.set(`${kind}:${id}`, name);
  const ids = (kind: AuditEntityKind) => [...(refs.get(kind) ?? [])];
  // One after the other: `db` may be a transaction's client, which must not run two queries at once.
  const lookups: Array<() => Promise<void>> = [];
  const when = (kind: AuditEntityKind, run: (list: string[]) => Promise<void>) => {
    const list = ids(kind);
    if (list.length) lookups.push(() => run(list));
  };
  when("User", async (list) => {
    for (const u of await db.user.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }))
      put("User", u.id, u.name);
  });
  when("Revision", async (list) => {
    const rows = await db.revision.findMany({
      where: { id: { in: list } },
      select: { id: true, number: true, title: true },
    });
    for (const r of rows) put("Revision", r.id, `revision ${r.number} of “${r.title}”`);
  });
  when("Credential", async (list) => {
    const rows = await db.credential.findMany({
      where: { id: { in: list } },
      select: { id: true, user: { select: { name: true } } },
    });
    for (const c of rows) put("Credential", c.id, `${c.user.name}’s credential`);
  });
  when("Specialty", async (list) => {
    for (const s of await db.specialty.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }))
      put("Specialty", s.id, s.name);
  });
  when("WebhookEndpoint", async (list) => {
    const rows = await db.webhookEndpoint.findMany({ where: { id: { in: list } }, select: { id: true, url: true } });
    for (const w of rows) put("WebhookEndpoint", w.id, w.url);
  });
  when("MediaItem", async (list) => {
    const rows = await db.mediaItem.findMany({
      where: { id: { in: list } },
      select: { id: true, originalName: true, alt: true },
    });
    for (const m of rows) if (m.originalName || m.alt) put("MediaItem", m.id, m.originalName || m.alt);
  });
  for (const lookup of lookups) await lookup();

  // Feedback is named by its article, so its articles join the article lookup.
  const feedbackArticle = new Map<string, string>();
  const feedbackIds = ids("Feedback");
  if (feedbackIds.length)
    for (const f of await db.feedback.findMany({
      where: { id: { in: feedbackIds } },
      select: { id: true, articleId: true },
    }))
      feedbackArticle.set(f.id, f.articleId);
  const titles = await articleTitles(db, [...new Set([...ids("Article"), ...feedbackArticle.values()])]);
  for (const [id, { title }] of titles) put("Article", id, title);
  for (const [id, articleId] of feedbackArticle) {
    const title = titles.get(articleId)?.title;
    if (title) put("Feedback", id, `reader feedback on “${title}”`);
  }
  return { name: (kind, id) => names.get(`${kind}:${id}`) };
}
