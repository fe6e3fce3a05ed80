// npm run plagiarism:reindex — indexes every revision and corpus document that is not in the plagiarism
// index yet (see lib/plagiarism/reindex.ts). Safe to run any time; run it after seeding or restoring.
import cliProgress from "cli-progress";
import { db } from "../lib/db/client";
import { indexMissingSources } from "../lib/plagiarism/reindex";
import { loadDotEnv } from "./lib/load-env";

async function main() {
  loadDotEnv();
  const bar = new cliProgress.SingleBar(
    { format: "Indexing [{bar}] {value}/{total} texts", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const result = await indexMissingSources(db, (done, total) => {
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    bar.update(done);
  });
  if (started) bar.stop();
  console.log(`Indexed ${result.revisions} revision(s) and ${result.corpus} corpus document(s) that were missing.`);
  await db.$disconnect();
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await db.$disconnect();
  process.exit(1);
});
