// Rebuilds of derived data: queued once, claimed by one worker, taken over when a worker dies, progress on the
// row and in the log; plagiarism checks made before the index is complete say so, and are made again after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { doc, makePublicationHistory, makeUser } from "../../tests/helpers/factory";
import { SOURCE_PARAGRAPHS, VERBATIM_COPY } from "../../tests/fixtures/plagiarism/texts";
import { afterRevisionFrozen, INLINE_INDEX_WORDS } from "../revisions/after-freeze";
import { latestPlagiarismReport } from "../plagiarism/read-report";
import { plagiarismIndexCoverage, reportIndexCoverage } from "../plagiarism/index-coverage";
import { addCorpusDocument } from "../plagiarism/corpus";
import { loadGate } from "../gate/load-gate";
import {
  claimRebuildJob,
  finishRebuildJob,
  openRebuildJob,
  queueRebuild,
  recordRebuildProgress,
  STALE_HEARTBEAT_MS,
} from "./rebuild-jobs";
import { queueNeededRebuilds } from "./queue-rebuilds";
import { runRebuildJobs } from "./run-rebuild-jobs";
import { describeProgress } from "./describe-progress";

const t = createTestDb();
afterAll(() => t.cleanup());
let userId = "";
const editor = () => ({ id: userId, name: "Ed", email: "ed@example.org", status: "ACTIVE", roles: ["EDITOR"] });

/** Revisions frozen the way an import or an old release left them: in the database, not in the index. */
async function unindexedRevisions(n: number, text: (i: number) => string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = await t.db.article.create({ data: { slug: `unindexed-${Date.now()}-${i}`, createdById: userId } });
    const r = await t.db.revision.create({
      data: {
        articleId: a.id,
        number: 1,
        title: `Unindexed ${i}`,
        summary: "",
        bodyJson: doc(text(i)),
        referencesJson: "[]",
        contentHash: `unindexed-${a.id}`,
        authorId: userId,
      },
    });
    ids.push(r.id);
  }
  return ids;
}

beforeAll(async () => {
  userId = (await makeUser(t.db, { roles: ["EDITOR"] })).id;
});

describe("rebuild job queue", () => {
  it("keeps at most one open job per kind, however many processes queue it at once", async () => {
    const jobs = await Promise.all(Array.from({ length: 5 }, () => queueRebuild(t.db, "SEARCH_INDEX", "test")));
    expect(new Set(jobs.map((j) => j.id)).size).toBe(1);
    expect(await t.db.rebuildJob.count({ where: { kind: "SEARCH_INDEX", openKind: { not: null } } })).toBe(1);
  });

  it("is claimed by one worker; a worker whose heartbeat stopped loses it to another", async () => {
    const [a, b] = await Promise.all([claimRebuildJob(t.db, "worker-a"), claimRebuildJob(t.db, "worker-b")]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const job = (a ?? b)!;
    const owner = a ? "worker-a" : "worker-b";
    expect(await claimRebuildJob(t.db, "worker-c")).toBeNull(); // running, heartbeat fresh
    expect(await recordRebuildProgress(t.db, job.id, owner, 1, 2)).toBe(true);

    const later = new Date(Date.now() + STALE_HEARTBEAT_MS + 1000);
    const taken = await claimRebuildJob(t.db, "worker-c", later);
    expect(taken?.id).toBe(job.id);
    expect(taken).toMatchObject({ claimedBy: "worker-c", attempts: 2, done: 1 });
    expect(await recordRebuildProgress(t.db, job.id, owner, 2, 2)).toBe(false); // the old owner stops
    await finishRebuildJob(t.db, job.id, "worker-c");
    expect(await openRebuildJob(t.db, "SEARCH_INDEX")).toBeNull();
  });
});

describe("derived indexes rebuilt in the background", () => {
  it("rebuilds the plagiarism index with progress, and checks made meanwhile say the index is incomplete", async () => {
    await addCorpusDocument(t.db, userId, { title: "Source", text: SOURCE_PARAGRAPHS });
    // Thirty revisions missing from the index, one of which holds the source's text: a check that silently
    // matched against part of the index could miss exactly that one.
    const ids = await unindexedRevisions(30, (i) =>
      i === 17 ? VERBATIM_COPY : `Unrelated note number ${i} about sleep, diet and exercise in older adults.`,
    );
    const queued = await queueNeededRebuilds(t.db);
    expect(queued).toEqual([expect.objectContaining({ kind: "PLAGIARISM_INDEX", missing: 30 })]);

    // A submission while the rebuild is queued: checked against what is indexed, and it says so.
    const a = await t.db.article.create({ data: { slug: `checked-${Date.now()}`, createdById: userId } });
    const r = await t.db.revision.create({
      data: {
        articleId: a.id,
        number: 1,
        title: "Checked during the rebuild",
        summary: "",
        bodyJson: doc(VERBATIM_COPY),
        referencesJson: "[]",
        contentHash: `checked-${a.id}`,
        authorId: userId,
      },
    });
    await t.db.article.update({ where: { id: a.id }, data: { currentRevisionId: r.id, status: "IN_REVIEW" } });
    expect((await afterRevisionFrozen(t.db, r.id)).errors).toEqual([]);
    const during = (await latestPlagiarismReport(t.db, r.id, editor()))!;
    expect(reportIndexCoverage(during.parameters)).toMatchObject({ complete: false, total: 32 });
    expect(during.matches.some((m) => m.source.id === ids[17])).toBe(false);
    const gateDuring = (await loadGate(t.db, a.id))!.items.find((i) => i.key === "plagiarism")!;
    expect(gateDuring.state).toBe("failed");
    expect(gateDuring.reason).toMatch(/index was being rebuilt \(\d+ of 32 sources indexed\)/);

    const lines: string[] = [];
    expect(await runRebuildJobs(t.db, { worker: "w", log: (l) => lines.push(l) })).toBe(1);
    expect(await plagiarismIndexCoverage(t.db)).toMatchObject({ complete: true, total: 32 });
    const job = await t.db.rebuildJob.findFirstOrThrow({ where: { kind: "PLAGIARISM_INDEX" } });
    expect(job).toMatchObject({ status: "DONE", openKind: null, done: 30, total: 30, error: "" });
    expect(lines.join("\n")).toMatch(/30 of 30 sources \(100%\)/);
    expect(lines.join("\n")).toMatch(/complete in .* 1 checks made during the rebuild run again/);
    // Exact fingerprints and sentence sketches for every source.
    expect(await t.db.fingerprintSource.count()).toBe(32);
    for (const table of ["Fingerprint", "SentenceSketch"]) {
      const rows = await t.db.$queryRawUnsafe<Array<{ n: number | bigint }>>(
        `SELECT COUNT(DISTINCT "sourceNo") AS n FROM "${table}"`,
      );
      expect(Number(rows[0].n)).toBe(32);
    }

    // The check was made again against the whole index: it now finds the unindexed copy, and the gate takes it.
    const after = (await latestPlagiarismReport(t.db, r.id, editor()))!;
    expect(reportIndexCoverage(after.parameters).complete).toBe(true);
    expect(after.matches.some((m) => m.source.id === ids[17])).toBe(true);
    const gateAfter = (await loadGate(t.db, a.id))!.items.find((i) => i.key === "plagiarism")!;
    expect(gateAfter.reason).not.toMatch(/rebuilt/);
  });

  it("a few missing sources are indexed by the check itself, with no job", async () => {
    await unindexedRevisions(3, (i) => `A short imported note ${i} about hand washing.`);
    const a = await t.db.article.create({ data: { slug: `small-gap-${Date.now()}`, createdById: userId } });
    const r = await t.db.revision.create({
      data: {
        articleId: a.id,
        number: 1,
        title: "Small gap",
        summary: "",
        bodyJson: doc("Hand washing with soap for twenty seconds removes most germs."),
        referencesJson: "[]",
        contentHash: `small-${a.id}`,
        authorId: userId,
      },
    });
    await afterRevisionFrozen(t.db, r.id);
    expect(await openRebuildJob(t.db, "PLAGIARISM_INDEX")).toBeNull();
    const report = (await latestPlagiarismReport(t.db, r.id, editor()))!;
    expect(reportIndexCoverage(report.parameters).complete).toBe(true);
  });

  it("a gap of more words than a check indexes itself is left to a queued job", async () => {
    const [big] = await unindexedRevisions(1, () => "An imported article, long in the database's word count.");
    await t.db.revision.update({ where: { id: big }, data: { wordCount: INLINE_INDEX_WORDS + 1 } });
    const a = await t.db.article.create({ data: { slug: `big-gap-${Date.now()}`, createdById: userId } });
    const r = await t.db.revision.create({
      data: {
        articleId: a.id,
        number: 1,
        title: "Big gap",
        summary: "",
        bodyJson: doc("Sunscreen protects the skin from ultraviolet light."),
        referencesJson: "[]",
        contentHash: `big-${a.id}`,
        authorId: userId,
      },
    });
    await afterRevisionFrozen(t.db, r.id);
    expect(await openRebuildJob(t.db, "PLAGIARISM_INDEX")).toMatchObject({ status: "PENDING" });
    const report = (await latestPlagiarismReport(t.db, r.id, editor()))!;
    expect(reportIndexCoverage(report.parameters).complete).toBe(false);
    await runRebuildJobs(t.db, { worker: "w", log: () => {} });
    const again = (await latestPlagiarismReport(t.db, r.id, editor()))!;
    expect(reportIndexCoverage(again.parameters).complete).toBe(true);
  });

  it("rebuilds the site search index for live articles it misses", async () => {
    for (let i = 0; i < 3; i++) {
      const { article } = await makePublicationHistory(t.db, { authorId: userId, title: `Live ${i}` });
      const live = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
      await t.db.revision.update({ where: { id: live.liveRevisionId! }, data: { bodyJson: doc(`Live text ${i}.`) } });
    }
    const live = await t.db.article.count({ where: { liveRevisionId: { not: null } } });
    expect(await t.db.searchEntry.count()).toBeLessThan(live);
    expect(await queueNeededRebuilds(t.db)).toContainEqual(
      expect.objectContaining({ kind: "SEARCH_INDEX", missing: live - (await t.db.searchEntry.count()) }),
    );
    const lines: string[] = [];
    await runRebuildJobs(t.db, { worker: "w", log: (l) => lines.push(l) });
    expect(lines.filter((l) => /stopped/.test(l))).toEqual([]);
    expect(await t.db.searchEntry.count()).toBe(live);
    expect(await queueNeededRebuilds(t.db)).toEqual([]); // both indexes complete
  });

  it("describes progress in words", () => {
    expect(describeProgress(412, 4000, "sources", 10_000)).toBe(
      "412 of 4,000 sources (10%), 41/s, about 1 min 27 s left",
    );
    expect(describeProgress(0, 0, "articles", 0)).toBe("0 of 0 articles (100%)");
  });
});
