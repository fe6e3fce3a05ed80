// Checks the audit log's hash chain from the first event to the last: each event's prevHash must be the
// previous event's hash (the genesis hash for the first) and its hash must be the hash of its own fields.
// Any row edited, inserted or deleted around the append-only triggers breaks one of these, and the first
// event where that shows is named. A deleted last row leaves no successor to break, so the highest id ever
// handed out (the database adapter's highestAuditEventId) is compared with the last row too.
//
// Keyed chains (lib/audit/record-event.ts): events before the "audit.chain_keyed" event verify as plain sha256,
// that event and all after it as HMAC under AUDIT_HMAC_KEY. With a key configured, a chain with no keyed
// event at all fails: that is what a chain rebuilt by someone holding only the database file looks like.
import type { Db } from "../db/client";
import { dialectFor } from "../db/dialects/dialect";
import { auditKey, auditKeyId } from "./audit-key";
import { GENESIS_HASH, hashAuditEvent, hashAuditEventKeyed, KEYED_FROM_ACTION } from "./record-event";

export interface BrokenLink {
  id: number;
  action: string;
  at: Date | null;
  problem: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  lastId: number | null;
  firstBroken: BrokenLink | null;
  /** The id of the "keyed from here" event, or null for an unkeyed chain. */
  keyedFromId: number | null;
}

const BATCH = 1000;

export async function verifyAuditChain(db: Db, key: Buffer | null = auditKey()): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let checked = 0;
  let keyedFromId: number | null = null;
  const broken = (e: { id: number; action: string; at: Date | null }, problem: string): ChainReport => ({
    ok: false,
    checked,
    lastId: e.id,
    firstBroken: { id: e.id, action: e.action, at: e.at, problem },
    keyedFromId,
  });
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: prevId } }, orderBy: { id: "asc" }, take: BATCH });
    for (const e of rows) {
      checked++;
      if (e.prevHash !== prevHash) {
        const problem =
          prevId === 0
            ? "the first event does not start from the genesis hash (earlier events were removed)"
            : `its prevHash does not match event #${prevId}'s hash (an event before it was changed, removed or inserted)`;
        return broken(e, problem);
      }
      if (keyedFromId === null && e.action === KEYED_FROM_ACTION) {
        if (!key) return broken(e, "the log is keyed from this event on; set AUDIT_HMAC_KEY (see .env) to verify it");
        if (hashAuditEventKeyed(e, key) !== e.hash) {
          const keyId = (JSON.parse(e.dataJson || "{}") as { keyId?: string }).keyId;
          return broken(
            e,
            keyId && keyId !== auditKeyId(key)
              ? "it was keyed with another AUDIT_HMAC_KEY than the one configured"
              : "its stored hash does not match its content under the audit key (edited, or forged without the key)",
          );
        }
        keyedFromId = e.id;
      } else if (keyedFromId !== null) {
        if (hashAuditEventKeyed(e, key!) !== e.hash)
          return broken(
            e,
            "its stored hash does not match its content under the audit key (the event was edited, or the chain rebuilt without the key)",
          );
      } else if (hashAuditEvent(e) !== e.hash) {
        return broken(e, "its stored hash does not match its content (the event was edited)");
      }
      prevHash = e.hash;
      prevId = e.id;
    }
    if (rows.length < BATCH) break;
  }
  const highest = await dialectFor(db).highestAuditEventId(db);
  if (highest > prevId) {
    return {
      ok: false,
      checked,
      lastId: prevId || null,
      firstBroken: {
        id: prevId + 1,
        action: "(missing)",
        at: null,
        problem: `events after #${prevId} up to #${highest} were deleted`,
      },
      keyedFromId,
    };
  }
  if (key && checked > 0 && keyedFromId === null) {
    return {
      ok: false,
      checked,
      lastId: prevId,
      firstBroken: {
        id: prevId,
        action: "(whole log)",
        at: null,
        problem:
          "no event carries the audit key although AUDIT_HMAC_KEY is set: the chain was rebuilt from the database alone, or nothing was recorded since the key was configured (npm run db:deploy anchors it, as does the next audited change)",
      },
      keyedFromId,
    };
  }
  return { ok: true, checked, lastId: prevId || null, firstBroken: null, keyedFromId };
}

export function describeReport(r: ChainReport): string {
  if (r.ok)
    return `Audit chain intact: ${r.checked} event${r.checked === 1 ? "" : "s"} checked${r.lastId ? ` (last #${r.lastId})` : ""}${r.keyedFromId ? `, keyed from #${r.keyedFromId}` : ", unkeyed"}.`;
  const b = r.firstBroken!;
  return `Audit chain BROKEN at event #${b.id} (${b.action}${b.at ? `, ${b.at.toISOString()}` : ""}): ${b.problem}.`;
}
