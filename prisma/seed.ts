// npm run db:seed — demo users and the demo article. Safe to run again: it adds only what is missing.
// Refuses with NODE_ENV=production unless asked explicitly (prisma/demo/production-guard.ts).
import { createDb } from "../lib/db/client";
import { seedDemoUsers } from "./seed-users";
import { seedDemoArticle } from "./demo/seed-demo-article";
import { seedDemoTranslation } from "./demo/seed-demo-translation";
import { afterRevisionFrozen } from "../lib/revisions/after-freeze";
import { demoSeedRefusal } from "./demo/production-guard";
import { loadDotEnv } from "../scripts/lib/load-env";

export async function runSeed() {
  const db = createDb();
  try {
    const people = await seedDemoUsers(db);
    console.log(
      `Demo users: ${[people.writer, people.reviewer, people.editor, people.admin].map((u) => u.email).join(", ")}`,
    );
    const article = await seedDemoArticle(db, {
      writerId: people.writer.id,
      reviewerId: people.reviewer.id,
      credentialId: people.credential.id,
      editorId: people.editor.id,
    });
    if (article.created) {
      // The same integrity run a submission gets: fingerprints, plagiarism report, content checks.
      await afterRevisionFrozen(db, article.revisionId);
      console.log(`Demo article published at /articles/${article.slug}`);
    } else {
      console.log(`Demo article /articles/${article.slug} already present.`);
    }
    const translation = await seedDemoTranslation(db, {
      writerId: people.writer.id,
      reviewerId: people.reviewer.id,
      credentialId: people.credential.id,
      editorId: people.editor.id,
    });
    if (translation.created) {
      const es = await db.article.findUniqueOrThrow({
        where: { slug: translation.slug },
        select: { liveRevisionId: true },
      });
      const en = await db.article.findUniqueOrThrow({
        where: { slug: article.slug },
        select: { liveRevisionId: true },
      });
      // The integrity runs of both new revisions (the Spanish one and English revision 2).
      for (const revisionId of [es.liveRevisionId, en.liveRevisionId])
        if (revisionId) await afterRevisionFrozen(db, revisionId);
      console.log(
        `Demo Spanish translation published at /es/articles/${translation.slug} (its English source changed since)`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

// Run directly (tsx prisma/seed.ts), not when imported by the e2e setup.
if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  loadDotEnv();
  const refusal = demoSeedRefusal(process.env, process.argv.slice(2));
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  runSeed().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
