// What an upgrade does after the schema migrations, on the migrated database: db:deploy runs it (so does
// `npm run start:demo`, through db:deploy), and the server at start, for a database migrated some other way.
// Each step is idempotent, so running it again (another process, the next start) does nothing twice.
//   1. The audit chain is brought to the current chain format (lib/audit/upgrade-chain-format.ts), so that
//      audit:verify, db:backup and db:restore pass right away.
//   2. Derived indexes a migration emptied (the plagiarism fingerprints) or that miss rows (the site search)
//      get a rebuild job queued (lib/rebuilds/); the server runs it in the background at start.
import type { Db } from "../db/client";
import { upgradeAuditChain, type ChainStepOutcome } from "../audit/upgrade-chain-format";
import { queueNeededRebuilds, type NeededRebuild } from "../rebuilds/queue-rebuilds";
import { REBUILD_LABELS } from "../rebuilds/rebuild-jobs";

export interface AfterMigrationsReport {
  chain: ChainStepOutcome[];
  rebuilds: NeededRebuild[];
}

export async function afterMigrations(db: Db, options: { dryRun?: boolean } = {}): Promise<AfterMigrationsReport> {
  const chain = await upgradeAuditChain(db, options);
  const rebuilds = await queueNeededRebuilds(db, options);
  return { chain, rebuilds };
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
  for (const r of report.rebuilds) {
    const what = `${REBUILD_LABELS[r.kind]}: ${r.missing} of ${r.total} ${r.unit} missing`;
    lines.push(
      dryRun
        ? `Would queue a rebuild of the ${what} (the server runs it at start).`
        : `Queued a rebuild of the ${what}; the server runs it in the background at start (progress in its log and on the studio dashboard).`,
    );
  }
  return lines;
}
