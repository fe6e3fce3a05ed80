// npm run db:seed — demo users and the demo article. Safe to run again: it adds only what is missing.
import { createDb } from "../lib/db/client";
import { seedDemoUsers } from "./seed-users";

export async function runSeed() {
  const db = createDb();
  try {
    const people = await seedDemoUsers(db);
    console.log(`Seeded demo users: ${[people.writer, people.reviewer, people.editor, people.admin].map((u) => u.email).join(", ")}`);
  } finally {
    await db.$disconnect();
  }
}

// Run directly (tsx prisma/seed.ts), not when imported by the e2e setup.
if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  runSeed().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
