// The secret in a person's calendar feed URL. Only its sha256 is stored, so reading the database does not
// reveal feed URLs; regenerating replaces it, which ends every copy of the old URL.
import { createHash, randomBytes } from "node:crypto";
import type { Db, DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function regenerateCalendarToken(db: Db, actor: Actor): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { calendarTokenHash: hashToken(token) } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.calendar_feed_regenerated",
      entityType: "User",
      entityId: actor.id,
    });
  });
  return token;
}

/** The person a feed token belongs to, or null (unknown, malformed, or the account is disabled). */
export async function userByCalendarToken(db: DbTx, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = await db.user.findUnique({
    where: { calendarTokenHash: hashToken(token) },
    select: { id: true, name: true, email: true, status: true, roles: { select: { role: true } } },
  });
  if (!user || user.status !== "ACTIVE") return null;
  return { id: user.id, name: user.name, email: user.email, status: user.status, roles: user.roles.map((r) => r.role) };
}
