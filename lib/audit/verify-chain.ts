// Checks the audit log's hash chain from the first event to the last: each event's prevHash must be the
// previous event's hash (the genesis hash for the first) and its hash must be the hash of its own fields.
// Any row edited, inserted or deleted around the append-only triggers breaks one of these, and the first
// event where that shows is named. A deleted last row leaves no successor to break, so the highest id ever
// handed out (sqlite_sequence) is compared with the last row too.
import type { Db } from "../db/client";
import { GENESIS_HASH, hashAuditEvent } from "./record-event";

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
}

const BATCH = 1000;

export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: prevId } }, orderBy: { id: "asc" }, take: BATCH });
    for (const e of rows) {
      checked++;
      if (e.prevHash !== prevHash) {
        const problem =
          prevId === 0
            ? "the first event does not start from the genesis hash (earlier events were removed)"
            : `its prevHash does not match event #${prevId}'s hash (an event before it was changed, removed or inserted)`;
        return { ok: false, checked, lastId: e.id, firstBroken: { id: e.id, action: e.action, at: e.at, problem } };
      }
      if (hashAuditEvent(e) !== e.hash) {
        return {
          ok: false,
          checked,
          lastId: e.id,
          firstBroken: {
            id: e.id,
            action: e.action,
            at: e.at,
            problem: "its stored hash does not match its content (the event was edited)",
          },
        };
      }
      prevHash = e.hash;
      prevId = e.id;
    }
    if (rows.length < BATCH) break;
  }
  const seq = await db.$queryRawUnsafe<Array<{ seq: number | bigint }>>(
    `SELECT seq FROM sqlite_sequence WHERE name = 'AuditEvent'`,
  );
  const highest = seq.length ? Number(seq[0].seq) : 0;
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
    };
  }
  return { ok: true, checked, lastId: prevId || null, firstBroken: null };
}

export function describeReport(r: ChainReport): string {
  if (r.ok)
    return `Audit chain intact: ${r.checked} event${r.checked === 1 ? "" : "s"} checked${r.lastId ? ` (last #${r.lastId})` : ""}.`;
  const b = r.firstBroken!;
  return `Audit chain BROKEN at event #${b.id} (${b.action}${b.at ? `, ${b.at.toISOString()}` : ""}): ${b.problem}.`;
}
