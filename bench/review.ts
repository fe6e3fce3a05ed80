// Review & publishing benchmark: npm run bench:review [-- --articles 30 --events 20000] [-- --postgres]
// On a fresh migrated SQLite file (WAL) — or with --postgres a fresh PostgreSQL database (PG_ADMIN_URL's cluster,
// else a throwaway one) — with the demo-sized articles of bench/synthetic-text's vocabulary:
//   - submit (freeze + notify), approve, publish (gate evaluated inside the publishing transaction): median
//     and p95 wall time per operation over --articles articles;
//   - the publish gate alone (loadGate) for one article;
//   - npm run audit:verify's check over --events audit events (events/s).
// Prints numbers only; no pass/fail (the machine is shared: compare runs, not absolute values).
import { createDb } from "../lib/db/client";
import { recordAuditEvent } from "../lib/audit/record-event";
import { verifyAuditChain } from "../lib/audit/verify-chain";
import { submitArticle } from "../lib/workflow/submit-article";
import { approveRevision } from "../lib/review/decide-review";
import { publishArticle } from "../lib/publishing/publish-article";
import { loadGate } from "../lib/gate/load-gate";
import { makeSampler, rng } from "./synthetic-text";
import { makeCredential, makeUser } from "../tests/helpers/factory";
import { createBenchDatabase } from "./lib/bench-database";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ARTICLES = arg("articles", 30);
const EVENTS = arg("events", 20_000);

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms (n=${s.length})`;
};
async function timed<T>(into: number[], fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  into.push(performance.now() - t0);
  return r;
}

async function main() {
  const target = await createBenchDatabase("review", { postgres: process.argv.includes("--postgres") });
  const db = createDb(target.url);
  console.log(`review bench on ${process.argv.includes("--postgres") ? "PostgreSQL" : "SQLite"}`);
  try {
    const writer = await makeUser(db, { roles: ["WRITER"], name: "writer" });
    const reviewer = await makeUser(db, { roles: ["REVIEWER"], name: "reviewer" });
    const editor = await makeUser(db, { roles: ["EDITOR"], name: "editor" });
    await makeCredential(db, { userId: reviewer.id, displayName: "Dr. Bench", postNominals: "M.D." });
    const rand = rng(7);
    const sample = makeSampler(
      "calcium deposit skin tissue nodule biopsy imaging treatment surgery medicine the of and a to in is with".split(
        " ",
      ),
      rand,
    );
    const para = (n: number) => ({
      type: "paragraph",
      content: [
        { type: "text", text: Array.from({ length: n }, sample).join(" ") + "." },
        { type: "citation", attrs: { refKey: "r1" } },
      ],
    });

    const tSubmit: number[] = [];
    const tApprove: number[] = [];
    const tPublish: number[] = [];
    const tGate: number[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const body = { type: "doc", content: Array.from({ length: 40 }, () => para(40)) }; // ≈ 1,600 words
      const a = await db.article.create({
        data: {
          slug: `bench-${i}`,
          createdById: writer.id,
          authors: { create: [{ userId: writer.id }] },
          draft: {
            create: {
              title: `Bench ${i}`,
              summary: "Summary.",
              bodyJson: JSON.stringify(body),
              editorIds: JSON.stringify([writer.id]),
            },
          },
          references: { create: [{ key: "r1", title: "Source", url: "https://example.org/source" }] },
        },
      });
      const s = await timed(tSubmit, () =>
        submitArticle(db, writer, { articleId: a.id, changeSummary: "First version" }),
      );
      // What the integrity work records after the freeze (kept out of the timing: it has its own bench).
      await db.plagiarismReport.create({
        data: { revisionId: s.revisionId, similarity: 1, parametersJson: "{}", matchesJson: "[]" },
      });
      await db.contentCheckRun.create({ data: { articleId: a.id, revisionId: s.revisionId, findingsJson: "[]" } });
      const rev = await db.revision.findUniqueOrThrow({ where: { id: s.revisionId } });
      await timed(tApprove, () =>
        approveRevision(db, reviewer, {
          articleId: a.id,
          revisionId: rev.id,
          contentHash: rev.contentHash,
          attest: true,
        }),
      );
      await timed(tGate, () => loadGate(db, a.id));
      await timed(tPublish, () => publishArticle(db, editor, { articleId: a.id, revisionId: rev.id }));
    }
    console.log(`submit  (freeze ≈1,600 words + notify): ${stats(tSubmit)}`);
    console.log(`approve (checks + snapshot + notify):   ${stats(tApprove)}`);
    console.log(`gate    (loadGate, 5 items):            ${stats(tGate)}`);
    console.log(`publish (gate in tx + swap + notify):   ${stats(tPublish)}`);

    const existing = await db.auditEvent.count();
    for (let i = existing; i < EVENTS; i += 500) {
      await db.$transaction(async (tx) => {
        for (let j = 0; j < 500 && i + j < EVENTS; j++)
          await recordAuditEvent(tx, {
            actorId: null,
            action: "bench.event",
            entityType: "Bench",
            entityId: String(i + j),
            data: { i: i + j },
          });
      });
    }
    const t0 = performance.now();
    const report = await verifyAuditChain(db);
    const ms = performance.now() - t0;
    console.log(
      `audit:verify: ${report.checked} events in ${ms.toFixed(0)} ms (${Math.round(report.checked / (ms / 1000))} events/s), ok=${report.ok}`,
    );
  } finally {
    await db.$disconnect();
    await target.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
