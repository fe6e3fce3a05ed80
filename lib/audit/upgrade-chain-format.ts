// The audit chain's format, by version, and the steps that bring an older database's chain to the current one.
// db:deploy runs them after the migrations, and the server at start (lib/release/after-migrations.ts), so that
// audit:verify, db:backup and db:restore pass right after an upgrade instead of after the first audited change.
//
//   format 1 (0.1.0)  sha256 chain: each event's hash covers the previous event's hash and its own fields.
//   format 2 (0.2.0)  keyed: from an "audit.chain_keyed" event on, every hash is an HMAC under AUDIT_HMAC_KEY.
//
// A future change of the chain's format adds a step here: how to tell that a chain lacks it (`pending`) and the
// marker event that moves the chain to it (`apply`, inside one write-locked transaction), and teaches
// verify-chain.ts to check events from that marker on the new way. Steps run in order; each does nothing to a
// chain that is already at or past its format, so running them again is harmless.
import type { Db, DbTx } from "../db/client";
import { auditKey } from "./audit-key";
import { anchorUnkeyedChain, KEYED_FROM_ACTION } from "./record-event";
import { describeReport, verifyAuditChain } from "./verify-chain";

export interface ChainFormatStep {
  format: number;
  name: string;
  /** Why this database's chain needs the step, or null when it does not. */
  pending(db: DbTx): Promise<string | null>;
  /** Moves the chain to `format`; returns what it appended, or throws ChainNotUpgraded. */
  apply(db: Db): Promise<string | null>;
}

/** A step that must not run on this chain (it would vouch for events it cannot check). */
export class ChainNotUpgraded extends Error {}

const keyedChain: ChainFormatStep = {
  format: 2,
  name: "keyed with AUDIT_HMAC_KEY",
  async pending(db) {
    if (!auditKey()) return null; // an unkeyed site stays at format 1 until a key is configured
    const [events, keyed] = await Promise.all([
      db.auditEvent.count(),
      db.auditEvent.count({ where: { action: KEYED_FROM_ACTION } }),
    ]);
    if (events === 0 || keyed > 0) return null; // an empty chain is keyed by its first event
    return `${events} event${events === 1 ? "" : "s"} written before AUDIT_HMAC_KEY was configured, none keyed`;
  },
  async apply(db) {
    // Anchoring says "every event before this one is the history as it was": only when that history is intact.
    const report = await verifyAuditChain(db, null);
    if (!report.ok) throw new ChainNotUpgraded(`not keyed: ${describeReport(report)} Run npm run audit:verify.`);
    const anchor = await db.$transaction((tx) => anchorUnkeyedChain(tx));
    return anchor
      ? `keyed from event #${anchor.id} (hash ${anchor.hash.slice(0, 16)}…; ${report.checked} earlier events verify unkeyed)`
      : null;
  },
};

export const CHAIN_FORMAT_STEPS: readonly ChainFormatStep[] = [keyedChain];
export const CURRENT_CHAIN_FORMAT = Math.max(1, ...CHAIN_FORMAT_STEPS.map((s) => s.format));

export interface ChainStepOutcome {
  format: number;
  name: string;
  /** Why it was needed. */
  reason: string;
  /** What it appended (null in a dry run, or when another process did it first). */
  done: string | null;
  /** Why it was not applied, when it could not be. */
  problem?: string;
}

/** Runs every pending chain-format step in order (or, with dryRun, only says which are pending). */
export async function upgradeAuditChain(db: Db, options: { dryRun?: boolean } = {}): Promise<ChainStepOutcome[]> {
  const outcomes: ChainStepOutcome[] = [];
  for (const step of CHAIN_FORMAT_STEPS) {
    const reason = await step.pending(db);
    if (!reason) continue;
    const outcome: ChainStepOutcome = { format: step.format, name: step.name, reason, done: null };
    outcomes.push(outcome);
    if (options.dryRun) continue;
    try {
      outcome.done = await step.apply(db);
    } catch (err) {
      if (!(err instanceof ChainNotUpgraded)) throw err;
      outcome.problem = err.message;
      break; // later formats build on this one
    }
  }
  return outcomes;
}
