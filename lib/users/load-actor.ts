// Reads the person behind a session from the database on every request: roles and status are never trusted
// from the session token, so disabling an account or removing a role takes effect on the next click.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";

export async function loadActor(db: DbTx, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, status: true, roles: { select: { role: true } } },
  });
  if (!user || user.status !== "ACTIVE") return null;
  return { id: user.id, name: user.name, email: user.email, status: user.status, roles: user.roles.map((r) => r.role) };
}
