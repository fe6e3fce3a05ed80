// npm run audit:verify — checks the audit log's hash chain in the configured database (DATABASE_URL or
// ./data/imprimatur.db). Exit 0 when intact; exit 1 naming the first broken event otherwise.
import { createDb } from "../lib/db/client";
import { databaseUrl } from "../lib/db/url";
import { describeReport, verifyAuditChain } from "../lib/audit/verify-chain";
import { loadDotEnv } from "./lib/load-env";

async function main() {
  loadDotEnv();
  const db = createDb(databaseUrl());
  try {
    const report = await verifyAuditChain(db);
    const line = describeReport(report);
    if (report.ok) console.log(line);
    else {
      console.error(line);
      process.exitCode = 1;
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error("audit:verify could not run:", err instanceof Error ? err.message : err);
  process.exitCode = 2;
});
