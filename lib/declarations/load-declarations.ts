// Reading declarations: a person's history, the one in force at a moment, the ones in force for everyone named
// on an article (its writers and the reviewers who approved a revision), and the stale ones to renew. Exported
// plain for the evidence pack.
import type { DbTx } from "../db/client";
import { addMonths } from "../publishing/add-months";
import { DECLARATION_RENEWAL_MONTHS, parseKinds, parseOrganisations, type InterestKind } from "./declaration-kinds";

export interface DeclarationView {
  id: string;
  userId: string;
  /** Empty: nothing to declare. */
  kinds: InterestKind[];
  statement: string;
  organisations: string[];
  createdAt: Date;
  supersededAt: Date | null;
  /** Older than the renewal period at `at` (and still the person's latest). */
  stale: boolean;
}

type Row = {
  id: string;
  userId: string;
  kinds: string;
  statement: string;
  organisationsJson: string;
  createdAt: Date;
  supersededAt: Date | null;
};

export function toDeclarationView(row: Row, at: Date = new Date()): DeclarationView {
  return {
    id: row.id,
    userId: row.userId,
    kinds: parseKinds(row.kinds),
    statement: row.statement,
    organisations: parseOrganisations(row.organisationsJson),
    createdAt: row.createdAt,
    supersededAt: row.supersededAt,
    stale: !row.supersededAt && isStale(row.createdAt, at),
  };
}

export function isStale(declaredAt: Date, at: Date): boolean {
  return addMonths(declaredAt, DECLARATION_RENEWAL_MONTHS).getTime() <= at.getTime();
}

/** The declarations in force at `at` of each person (the latest made at or before `at`), keyed by user id. */
export async function loadDeclarationsAt(
  db: DbTx,
  userIds: readonly string[],
  at: Date = new Date(),
): Promise<Map<string, DeclarationView>> {
  const out = new Map<string, DeclarationView>();
  if (!userIds.length) return out;
  const rows = await db.declaration.findMany({
    where: {
      userId: { in: [...new Set(userIds)] },
      createdAt: { lte: at },
      OR: [{ supersededAt: null }, { supersededAt: { gt: at } }],
    },
    orderBy: { createdAt: "desc" },
  });
  for (const row of rows) if (!out.has(row.userId)) out.set(row.userId, toDeclarationView(row, at));
  return out;
}

export async function currentDeclaration(db: DbTx, userId: string, at: Date = new Date()) {
  return (await loadDeclarationsAt(db, [userId], at)).get(userId) ?? null;
}

/** A person's declarations, newest first. */
export async function listDeclarationHistory(db: DbTx, userId: string, at: Date = new Date()) {
  const rows = await db.declaration.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => toDeclarationView(r, at));
}

export interface DeclarationInForce {
  userId: string;
  name: string;
  /** How the person is named on the article. */
  roles: Array<"writer" | "reviewer">;
  declaration: DeclarationView | null;
  /** Conflicts the person declared on this article itself. */
  articleInterests: Array<{ statement: string; createdAt: Date; revisionId: string | null }>;
}

/**
 * The declarations in force at `at` of the article's writers and of the reviewers whose approvals of its
 * revisions stand (not voided), with the conflicts they declared on this article up to `at`.
 */
export async function loadDeclarationsInForce(
  db: DbTx,
  articleId: string,
  at: Date = new Date(),
): Promise<DeclarationInForce[]> {
  const [authors, approvals, interests] = await Promise.all([
    db.articleAuthor.findMany({ where: { articleId }, select: { user: { select: { id: true, name: true } } } }),
    db.review.findMany({
      where: { revision: { articleId }, decision: "APPROVED", voidedAt: null, createdAt: { lte: at } },
      select: { reviewer: { select: { id: true, name: true } } },
    }),
    db.articleInterest.findMany({
      where: { articleId, createdAt: { lte: at } },
      orderBy: { createdAt: "asc" },
      select: { userId: true, statement: true, createdAt: true, revisionId: true },
    }),
  ]);
  const people = new Map<string, { name: string; roles: Set<"writer" | "reviewer"> }>();
  const add = (u: { id: string; name: string }, role: "writer" | "reviewer") => {
    const p = people.get(u.id) ?? { name: u.name, roles: new Set() };
    p.roles.add(role);
    people.set(u.id, p);
  };
  for (const a of authors) add(a.user, "writer");
  for (const r of approvals) add(r.reviewer, "reviewer");
  const declarations = await loadDeclarationsAt(db, [...people.keys()], at);
  return [...people.entries()].map(([userId, p]) => ({
    userId,
    name: p.name,
    roles: [...p.roles],
    declaration: declarations.get(userId) ?? null,
    articleInterests: interests
      .filter((i) => i.userId === userId)
      .map((i) => ({ statement: i.statement, createdAt: i.createdAt, revisionId: i.revisionId })),
  }));
}

/**
 * Active writers, reviewers and editors whose latest declaration is older than the renewal period, or who
 * have none: the admins' list (the owner sees their own on the dashboard).
 */
export async function listStaleDeclarations(db: DbTx, at: Date = new Date()) {
  const people = await db.user.findMany({
    where: { status: "ACTIVE", roles: { some: { role: { in: ["WRITER", "REVIEWER", "EDITOR"] } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const latest = await loadDeclarationsAt(
    db,
    people.map((p) => p.id),
    at,
  );
  return people
    .map((p) => ({ userId: p.id, name: p.name, declaredAt: latest.get(p.id)?.createdAt ?? null }))
    .filter((p) => !p.declaredAt || isStale(p.declaredAt, at));
}
