// npm run corpus:import -- <folder> [--by editor@example.org]
// Loads every .txt, .md and .html file under <folder> (recursively) into the reference corpus, with a
// progress bar. Files are read and validated first (a file with under 10 words is listed and skipped);
// then documents are written in batches, each batch one transaction with its fingerprints and audit event.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { db } from "../lib/db/client";
import { CORPUS_EXTENSIONS, fileToText } from "../lib/plagiarism/corpus-text";
import { importCorpusDocuments, MAX_CORPUS_TEXT_CHARS } from "../lib/plagiarism/corpus";
import { tokenize } from "../lib/plagiarism/tokenize";
import { loadDotEnv } from "./lib/load-env";

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else if (CORPUS_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) out.push(full);
  }
  return out;
}

async function main() {
  loadDotEnv();
  const args = process.argv.slice(2);
  const byIndex = args.indexOf("--by");
  const byEmail = byIndex >= 0 ? args[byIndex + 1] : undefined;
  const folder = args.find((a, i) => !a.startsWith("--") && (byIndex < 0 || i !== byIndex + 1));
  if (!folder) {
    console.error("usage: npm run corpus:import -- <folder> [--by editor@example.org]");
    process.exit(2);
  }
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`Not a folder: ${folder}`);
    process.exit(2);
  }
  let actorId: string | null = null;
  if (byEmail) {
    const user = await db.user.findUnique({ where: { email: byEmail.toLowerCase() } });
    if (!user) {
      console.error(`No user with the e-mail ${byEmail}.`);
      process.exit(2);
    }
    actorId = user.id;
  }
  const files = walk(folder);
  if (files.length === 0) {
    console.log(`No ${CORPUS_EXTENSIONS.join("/")} files under ${folder}.`);
    return;
  }
  const docs: Array<{ title: string; url?: string; text: string }> = [];
  const skipped: string[] = [];
  for (const file of files) {
    const { text, title } = fileToText(file, readFileSync(file, "utf8"));
    if (text.length > MAX_CORPUS_TEXT_CHARS) skipped.push(`${file}: longer than ${MAX_CORPUS_TEXT_CHARS} characters`);
    else if (tokenize(text).words.length < 10) skipped.push(`${file}: fewer than 10 words`);
    else docs.push({ title: title.slice(0, 300), text });
  }
  const bar = new cliProgress.SingleBar(
    { format: "Importing [{bar}] {percentage}% | {value}/{total} documents | {eta_formatted} left", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(docs.length, 0);
  const started = performance.now();
  const ids = await importCorpusDocuments(db, actorId, docs, { onProgress: (n) => bar.update(n) });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Imported ${ids.length} document(s) in ${seconds.toFixed(1)} s (${(ids.length / Math.max(seconds, 0.001)).toFixed(0)}/s).`,
  );
  if (skipped.length) console.log(`Skipped ${skipped.length}:\n  ${skipped.join("\n  ")}`);
  await db.$disconnect();
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await db.$disconnect();
  process.exit(1);
});
