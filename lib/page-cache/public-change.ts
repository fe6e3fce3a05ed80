// The public change counter: one row, bumped inside the transaction of every change readers can see, so the
// stored public pages of every server process (see ./page-store.ts) are known to be out of date as soon as the
// change commits, whichever process made it.
import type { DbTx } from "../db/client";

const ROW_ID = 1;

/** Call inside the transaction that publishes, unpublishes or archives a live article. */
export async function bumpPublicChange(tx: DbTx): Promise<void> {
  await tx.publicChange.upsert({
    where: { id: ROW_ID },
    create: { id: ROW_ID, counter: 1 },
    update: { counter: { increment: 1 } },
  });
}

/** The current value (0 before the first change). */
export async function readPublicChange(db: DbTx): Promise<number> {
  const row = await db.publicChange.findUnique({ where: { id: ROW_ID }, select: { counter: true } });
  return row?.counter ?? 0;
}

/** The same read as one prepared SQL statement, for callers that bypass Prisma (the page cache's server). */
export const READ_PUBLIC_CHANGE_SQL = `SELECT "counter" FROM "PublicChange" WHERE "id" = ${ROW_ID}`;
