// Who may verify a credential. Nobody verifies their own; and an admin cannot do it through a second admin
// account either. The rule: an admin whose account or admin role was granted, directly or through a chain of
// such grants, by the credential's owner within the last 24 hours may not verify that owner's credential. Another
// admin must (one the owner did not just create or promote). After 24 hours the grant has been visible in the
// audit log and the user list to every other admin for a day, and the new account counts as a person in its
// own right (a site whose only admins are the owner and an account they made long ago is beyond what software
// can police).
//
// Grants are read from the audit log ("user.*" events on the admin's account whose data lists ADMIN among the
// roles given or granted), so any way of granting admin that writes its audit event is covered.
import type { DbTx } from "../db/client";

export const GRANT_COOLING_OFF_MS = 24 * 60 * 60 * 1000;
const MAX_CHAIN = 5;

/** The ids of everyone who gave `userId` their account or admin role since `since` (most recent first). */
async function adminGrantors(db: DbTx, userId: string, since: Date): Promise<string[]> {
  const events = await db.auditEvent.findMany({
    where: { entityType: "User", entityId: userId, action: { startsWith: "user." }, at: { gte: since } },
    orderBy: { id: "desc" },
    select: { actorId: true, dataJson: true },
  });
  const grantors: string[] = [];
  for (const e of events) {
    if (!e.actorId || e.actorId === userId) continue;
    let data: { roles?: unknown; granted?: unknown } = {};
    try {
      data = JSON.parse(e.dataJson);
    } catch {
      continue;
    }
    const given = [data.roles, data.granted].flatMap((v) => (Array.isArray(v) ? v : []));
    if (given.includes("ADMIN")) grantors.push(e.actorId);
  }
  return grantors;
}

/**
 * Whether `verifierId` got admin access from `ownerId` (directly or via admins the owner just made) within the
 * cooling-off period, so that their verification would be the owner verifying themselves.
 */
export async function adminAccessFromOwner(
  db: DbTx,
  verifierId: string,
  ownerId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const since = new Date(now.getTime() - GRANT_COOLING_OFF_MS);
  let frontier = [verifierId];
  const seen = new Set(frontier);
  for (let depth = 0; depth < MAX_CHAIN && frontier.length; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const grantor of await adminGrantors(db, id, since)) {
        if (grantor === ownerId) return true;
        if (!seen.has(grantor)) {
          seen.add(grantor);
          next.push(grantor);
        }
      }
    }
    frontier = next;
  }
  return false;
}
