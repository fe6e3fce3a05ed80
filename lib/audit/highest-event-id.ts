// The highest id the AuditEvent table ever handed out, deleted rows included, so that audit:verify notices
// events removed from the end of the chain. Each database keeps this counter in its own place.
import type { DbTx } from "../db/client";
import { dialectOf } from "../db/dialect";

export async function highestAuditEventId(db: DbTx): Promise<number> {
  if (dialectOf(db) === "postgresql") {
    // The id column's sequence; is_called is false until the first nextval.
    const seq = await db.$queryRawUnsafe<Array<{ last: string | number | bigint; called: boolean }>>(
      `SELECT last_value::text AS last, is_called AS called FROM "AuditEvent_id_seq"`,
    );
    return seq.length && seq[0].called ? Number(seq[0].last) : 0;
  }
  const seq = await db.$queryRawUnsafe<Array<{ seq: number | bigint }>>(
    `SELECT seq FROM sqlite_sequence WHERE name = 'AuditEvent'`,
  );
  return seq.length ? Number(seq[0].seq) : 0;
}
