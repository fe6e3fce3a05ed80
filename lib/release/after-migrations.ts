// What an upgrade does after the schema migrations, on the migrated database: db:deploy runs it (so does
// `npm run start:demo`, through db:deploy), and the server at start, for a database migrated some other way.
// Each step is idempotent, so running it again (another process, the next start) does nothing twice.
//   1. The audit chain is brought to the current chain format (lib/audit/upgrade-chain-format.ts), so that
//      audit:verify, db:backup and db:restore pass right away.
import type { Db } from "../db/client";
import { upgradeAuditChain, type ChainStepOutcome } from "../audit/upgrade-chain-format";

export interface AfterMigrationsReport {
  chain: ChainStepOutcome[];
}

export async function afterMigrations(db: Db, options: { dryRun?: boolean } = {}): Promise<AfterMigrationsReport> {
  const chain = await upgradeAuditChain(db, options);
  return { chain };
}

/** Lines for a log or a terminal. */
export function describeAfterMigrations(report: AfterMigrationsReport, dryRun = false): string[] {
  const lines: string[] = [];
  for (const step of report.chain) {
    const format = `audit chain format ${step.format} (${step.name})`;
    if (dryRun) lines.push(`Would bring the ${format}: ${step.reason}.`);
    else if (step.problem) lines.push(`Audit chain NOT brought to format ${step.format}: ${step.problem}`);
    else lines.push(`Brought the ${format}: ${step.done ?? "done meanwhile by another process"}.`);
  }
  return lines;
}
