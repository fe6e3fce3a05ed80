// npx tsx scripts/import-articles.ts <folder> --as writer@example.org
// Imports every .html, .htm, .md and .markdown file under <folder> (recursively) as a new draft article
// written by that user (a WRITER or EDITOR), with structured references from each page's trailing
// "References" list. Prints one line per file (slug, references, warnings) and a summary; a file that cannot
// be imported is listed with the reason and skipped.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { db } from "../lib/db/client";
import { loadActor } from "../lib/users/load-actor";
import { importMany } from "../lib/import/import-many";
import { loadDotEnv } from "./lib/load-env";

const EXTENSIONS = [".html", ".htm", ".md", ".markdown"];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) out.push(full);
  }
  return out;
}

async function main() {
  loadDotEnv();
  const args = process.argv.slice(2);
  const asIndex = args.indexOf("--as");
  const email = asIndex >= 0 ? args[asIndex + 1] : undefined;
  const folder = args.find((a, i) => !a.startsWith("--") && i !== asIndex + 1);
  if (!folder || !email) {
    console.error("usage: npx tsx scripts/import-articles.ts <folder> --as writer@example.org");
    process.exit(2);
  }
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`Not a folder: ${folder}`);
    process.exit(2);
  }
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  const actor = user ? await loadActor(db, user.id) : null;
  if (!actor) {
    console.error(`No active user with the e-mail ${email}.`);
    process.exit(2);
  }
  const paths = walk(folder);
  console.log(`Importing ${paths.length} file(s) from ${folder} as ${email}`);
  const outcomes = await importMany(
    db,
    actor,
    paths.map((p) => ({ name: path.relative(folder, p), source: readFileSync(p, "utf8") })),
    (o, i) => {
      const head = `[${i + 1}/${paths.length}] ${o.name}`;
      if (o.ok)
        console.log(
          `${head} → /studio/articles/${o.articleId}/edit (${o.slug})${[...o.summary, ...o.warnings].map((l) => `\n    ${l}`).join("")}`,
        );
      else console.log(`${head} — skipped: ${o.error}`);
    },
  );
  const ok = outcomes.filter((o) => o.ok).length;
  console.log(`Done: ${ok} imported, ${outcomes.length - ok} skipped.`);
  await db.$disconnect();
  process.exit(outcomes.length - ok > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
