// Rebuild benchmark: npm run bench:rebuild [-- --revisions 1000 --corpus 1000 --words 1500 --live 500]
// What an upgrade that empties the derived indexes costs: in a scratch SQLite file (WAL, as db:deploy leaves a
// site), --revisions frozen revisions (the first --live of them live) and --corpus corpus documents of --words
// synthetic words each are written without any index, as a migration that emptied the index leaves them. Then
// the rebuild jobs run exactly as the server runs them at start (queueNeededRebuilds + runRebuildJobs): the
// plagiarism index (exact fingerprints and sentence sketches) and the site search index.
// Prints, per index: wall-clock time, sources (or articles) per second, CPU time of this process, and index
// rows; plus the machine's load average, since the machine is shared. No targets: the numbers go into the
// upgrade notes (CHANGELOG.md) as "about N per second on 2 busy cores".
import os from "node:os";
import Database from "better-sqlite3";
import { createDb } from "../lib/db/client";
import { queueNeededRebuilds } from "../lib/rebuilds/queue-rebuilds";
import { runRebuildJobs } from "../lib/rebuilds/run-rebuild-jobs";
import { createBenchDatabase } from "./lib/bench-database";
import { makeSampler, makeText, makeVocabulary, rng } from "./synthetic-text";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const REVISIONS = arg("revisions", 1_000);
const CORPUS = arg("corpus", 1_000);
const WORDS = arg("words", 1_500);
const LIVE = Math.min(arg("live", 500), REVISIONS);

async function main() {
  const scratch = await createBenchDatabase("rebuild");
  const raw = new Database(scratch.file!);
  const r = rng(11);
  const sample = makeSampler(makeVocabulary(30_000), r);
  const doc = (text: string) =>
    JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  raw
    .prepare(
      `INSERT INTO "User" (id, email, name, passwordHash, updatedAt) VALUES ('u', 'b@bench.local', 'Bench', 'x', CURRENT_TIMESTAMP)`,
    )
    .run();
  const article = raw.prepare(
    `INSERT INTO "Article" (id, slug, createdById, status, updatedAt) VALUES (?, ?, 'u', 'PUBLISHED', CURRENT_TIMESTAMP)`,
  );
  const revision = raw.prepare(
    `INSERT INTO "Revision" (id, articleId, number, title, summary, bodyJson, referencesJson, contentHash, authorId)
     VALUES (?, ?, 1, ?, '', ?, '[]', ?, 'u')`,
  );
  const live = raw.prepare(`UPDATE "Article" SET liveRevisionId = ?, currentRevisionId = ? WHERE id = ?`);
  const corpus = raw.prepare(`INSERT INTO "CorpusDocument" (id, title, text) VALUES (?, ?, ?)`);
  raw.transaction(() => {
    for (let i = 0; i < REVISIONS; i++) {
      article.run(`a${i}`, `bench-${i}`);
      revision.run(`r${i}`, `a${i}`, `Bench article ${i}`, doc(makeText(WORDS, sample, r)), `h${i}`);
      if (i < LIVE) live.run(`r${i}`, `r${i}`, `a${i}`);
    }
    for (let i = 0; i < CORPUS; i++) corpus.run(`c${i}`, `Source ${i}`, makeText(WORDS, sample, r));
  })();
  raw.close();

  const db = createDb(scratch.url);
  try {
    const queued = await queueNeededRebuilds(db);
    console.log(`Queued: ${queued.map((q) => `${q.kind} (${q.missing} ${q.unit})`).join(", ")}`);
    const starts = new Map<string, { wall: number; cpu: number }>();
    const ends = new Map<string, { wall: number; cpu: number }>();
    const cpu = () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
    await runRebuildJobs(db, {
      worker: "bench",
      log: (line) => {
        const kind = /Plagiarism/.test(line) ? "PLAGIARISM_INDEX" : "SEARCH_INDEX";
        if (/started/.test(line)) starts.set(kind, { wall: performance.now(), cpu: cpu() });
        if (/complete in/.test(line)) ends.set(kind, { wall: performance.now(), cpu: cpu() });
        if (/started|complete|stopped/.test(line)) console.log(line);
      },
    });
    for (const q of queued) {
      const s = starts.get(q.kind)!;
      const e = ends.get(q.kind)!;
      const wall = (e.wall - s.wall) / 1000;
      const cpuS = (e.cpu - s.cpu) / 1000;
      console.log(
        `${q.kind}: ${q.missing} ${q.unit} in ${wall.toFixed(1)} s wall (${(q.missing / wall).toFixed(1)}/s), ` +
          `${cpuS.toFixed(1)} s CPU of this process (${(q.missing / cpuS).toFixed(1)} per CPU-second)`,
      );
    }
    const rows = async (table: string) =>
      Number((await db.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);
    console.log(
      `Index rows: Fingerprint ${await rows("Fingerprint")}, SentenceSketch ${await rows("SentenceSketch")}, ` +
        `SearchEntry ${await rows("SearchEntry")}; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
    );
  } finally {
    await db.$disconnect();
    await scratch.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
