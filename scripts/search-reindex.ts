// npm run search:reindex — rebuilds the site search index from the live revisions (after restoring a backup
// or changing how text is indexed). Publishing keeps the index current on its own.
// --if-missing: only when the index does not cover every live article (what the server does at start).
import { createDb } from "../lib/db/client";
import { rebuildSearchIndex } from "../lib/search/sync-article-search";

async function main() {
  const db = createDb();
  try {
    if (process.argv.includes("--if-missing")) {
      const [live, indexed] = await Promise.all([
        db.article.count({ where: { liveRevisionId: { not: null } } }),
        db.searchEntry.count(),
      ]);
      if (live === indexed) return;
    }
    const started = Date.now();
    const n = await rebuildSearchIndex(db);
    const live = await db.searchEntry.count();
    console.log(`Search index rebuilt: ${live} live of ${n} articles in ${Date.now() - started} ms.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
