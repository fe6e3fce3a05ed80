// npm run db:copy -- --from file:./data/imprimatur.db --to postgres://user@host:5432/imprimatur
// Moves a SQLite site to an empty PostgreSQL database (scripts/lib/copy-database.ts): migrates the target,
// copies every table in dependency order in one transaction, then checks row counts and the audit chain
// (audit:verify) on the target. Exit 0 only when all of that holds. Stop the app while copying.
import { createDb } from "../lib/db/client";
import { dialectForUrl } from "../lib/db/dialects/dialect-for-url";
import { describeReport, verifyAuditChain } from "../lib/audit/verify-chain";
import { copyDatabase } from "./lib/copy-database";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const from = arg("from");
  const to = arg("to");
  if (!from?.startsWith("file:") || !to || dialectForUrl(to).name !== "postgresql") {
    console.error("usage: npm run db:copy -- --from file:<sqlite file> --to postgres://<empty database>");
    process.exit(2);
  }
  const started = Date.now();
  const report = await copyDatabase(from, to, (line) => console.log(`  ${line}`));
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`Copied ${rows} rows in ${report.tables.length} tables (${Date.now() - started} ms); row counts match.`);
  const target = createDb(to);
  try {
    const audit = await verifyAuditChain(target);
    console.log(`Target ${describeReport(audit)}`);
    if (!audit.ok) process.exitCode = 1;
  } finally {
    await target.$disconnect();
  }
}

main().catch((err) => {
  console.error("db:copy failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
