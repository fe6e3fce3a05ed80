import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { FeedbackBatchWriter } from "./batch-writer";
import { makePublicationHistory, makeUser } from "../../tests/helpers/factory";

const t = createTestDb();
afterAll(() => t.cleanup());
let target: { articleId: string; revisionId: string };
beforeAll(async () => {
  const { article } = await makePublicationHistory(t.db, {
    authorId: (await makeUser(t.db, { roles: ["WRITER"] })).id,
  });
  target = { articleId: article.id, revisionId: article.liveRevisionId! };
});
const row = (over: Partial<{ articleId: string; revisionId: string }> = {}) => ({
  ...target,
  ...over,
  helpful: true,
  reason: null,
  comment: "",
  email: null,
  clientHash: "h",
  createdAt: new Date(),
});

describe("FeedbackBatchWriter", () => {
  it("stores rows exactly as Prisma would: same values, dates comparable and filterable", async () => {
    const writer = new FeedbackBatchWriter(t.db);
    const at = new Date("2026-03-04T05:06:07.089Z");
    const id = await writer.insert({
      ...row(),
      helpful: false,
      reason: "OTHER",
      comment: 'it\'s "quoted" <b>',
      email: "r@example.org",
      createdAt: at,
    });
    const viaPrisma = await t.db.feedback.create({ data: { ...row(), createdAt: at }, select: { id: true } });
    const stored = await t.db.feedback.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      helpful: false,
      reason: "OTHER",
      comment: 'it\'s "quoted" <b>',
      email: "r@example.org",
      status: "NEW",
      createdAt: at,
    });
    // The stored value itself, as text (SQLite keeps DateTime as text; PostgreSQL as a timestamp).
    const raw = await t.db.$queryRaw<{ id: string; createdAt: string }[]>`
      SELECT id, ("createdAt" || '') AS "createdAt" FROM "Feedback" WHERE id IN (${id}, ${viaPrisma.id})`;
    expect(new Set(raw.map((r) => r.createdAt)).size).toBe(1); // byte-identical storage
    const inRange = await t.db.feedback.findMany({
      where: { id: { in: [id, viaPrisma.id] }, createdAt: { gte: at, lt: new Date(at.getTime() + 1) } },
    });
    expect(inRange).toHaveLength(2);
  });

  it("writes answers arriving together in one statement, each caller getting its committed row's id", async () => {
    const writer = new FeedbackBatchWriter(t.db);
    const spy = vi.spyOn(t.db, "$executeRawUnsafe");
    const ids = await Promise.all(Array.from({ length: 50 }, () => writer.insert(row())));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(new Set(ids).size).toBe(50);
    expect(await t.db.feedback.count({ where: { id: { in: ids } } })).toBe(50);
  });

  it("isolates a bad row: the others are stored, only its caller fails", async () => {
    const writer = new FeedbackBatchWriter(t.db);
    const results = await Promise.allSettled([
      writer.insert(row()),
      writer.insert(row({ revisionId: "no-such-revision" })),
      writer.insert(row()),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const ids = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(await t.db.feedback.count({ where: { id: { in: ids } } })).toBe(2);
  });

  it("keeps batches under maxBatch and drains everything queued", async () => {
    const writer = new FeedbackBatchWriter(t.db, 7);
    const spy = vi.spyOn(t.db, "$executeRawUnsafe");
    const ids = await Promise.all(Array.from({ length: 30 }, () => writer.insert(row())));
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(spy.mock.calls.every((args) => args.length - 1 <= 7 * 9)).toBe(true);
    spy.mockRestore();
    expect(await t.db.feedback.count({ where: { id: { in: ids } } })).toBe(30);
  });
});
