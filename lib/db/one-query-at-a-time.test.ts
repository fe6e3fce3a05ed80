// Inside a transaction, queries go to one PostgreSQL connection one at a time (lib/db/dialects/one-query-at-a-time.ts):
// pg 8 warns, and pg 9 will refuse, a query sent on a connection that is still running one. This runs the
// operations that sent them together (the review and publishing steps of `bench:review -- --postgres`: an
// `include` of two relations and loadGate's Promise.all, inside a transaction) and watches every pg connection.
// On SQLite there is no pg connection: the same operations must simply work.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { makeTeam, publishDraft, setDraft } from "../../tests/helpers/publish-fixtures";
import { loadGate } from "../gate/load-gate";

const t = createTestDb();

/** Queries sent on a pg connection while it still ran another, and the deprecation warnings pg printed. */
const overlapping: string[] = [];
const warnings: string[] = [];
const running = new WeakMap<pg.Client, number>();
const originalQuery = pg.Client.prototype.query;
const onWarning = (warning: Error) => {
  if (/already executing a query/.test(warning.message)) warnings.push(warning.message);
};

beforeAll(() => {
  process.on("warning", onWarning);
  // Count each connection's queries in flight: the promise form is the one the Prisma adapter uses.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    const inFlight = running.get(this) ?? 0;
    if (inFlight > 0) overlapping.push(typeof config === "string" ? config : String(config?.text));
    const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) {
      running.set(this, inFlight + 1);
      const done = () => running.set(this, (running.get(this) ?? 1) - 1);
      result.then(done, done);
    }
    return result;
  } as typeof originalQuery;
});
beforeEach(() => {
  overlapping.length = 0;
  warnings.length = 0;
});
afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  process.off("warning", onWarning);
  await t.cleanup();
});

describe("queries inside a transaction", () => {
  it("an include of two relations and a Promise.all of reads run on the transaction one at a time", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const article = await makeArticle(t.db, { authorId: writer.id, title: "Included" });
    const [loaded, counts] = await t.db.$transaction(async (tx) => {
      const withRelations = await tx.article.findUniqueOrThrow({
        where: { id: article.id },
        include: { authors: true, draft: true, references: true },
      });
      const counted = await Promise.all([
        tx.articleAuthor.count({ where: { articleId: article.id } }),
        tx.user.count(),
        tx.auditEvent.count(),
      ]);
      return [withRelations, counted] as const;
    });
    expect(loaded.authors.map((a) => a.userId)).toEqual([writer.id]);
    expect(loaded.draft?.title).toBe("Included");
    expect(counts[0]).toBe(1);
    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("submit, approve, the publish gate and publish (gate in the transaction) send no query on a busy connection", async () => {
    const team = await makeTeam(t.db);
    const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Published one query at a time" });
    await setDraft(t.db, article.id, { title: "Published one query at a time", blocks: ["Body."] });
    const published = await publishDraft(t.db, team, article.id);
    expect(published.revisionId).toBeTruthy();
    const gate = await loadGate(t.db, article.id);
    expect(gate).not.toBeNull();
    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
