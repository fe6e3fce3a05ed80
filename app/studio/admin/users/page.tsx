import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { isRole } from "@/lib/auth/roles";
import { requirePermission } from "@/app/_server/session";
import { InviteUserForm, ResendInvitationButton, ResetTwoFactorButton, RolesForm, StatusButton } from "./user-forms";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePermission("users.manage", "/studio/admin/users");
  const users = await db.user.findMany({
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      passwordHash: true,
      totpEnabledAt: true,
      roles: { select: { role: true } },
    },
  });
  return (
    <>
      <h1>Users and roles</h1>
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading">People ({users.length})</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Status</th>
              <th scope="col">Roles</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.email}`}>
                <td>
                  <strong>{u.name}</strong>
                  <br />
                  <span className="field-hint">{u.email}</span>
                </td>
                <td>
                  <span className={`badge ${u.status === "ACTIVE" ? "ok" : "bad"}`}>
                    {u.status === "ACTIVE" ? "Active" : "Disabled"}
                  </span>{" "}
                  {!u.passwordHash && <span className="badge">Invited, no password yet</span>}
                  {u.totpEnabledAt && <span className="badge ok">Two-step sign-in</span>}
                </td>
                <td>
                  <RolesForm userId={u.id} userName={u.name} roles={u.roles.map((r) => r.role).filter(isRole)} />
                </td>
                <td>
                  <StatusButton userId={u.id} userName={u.name} status={u.status} />
                  {!u.passwordHash && u.status === "ACTIVE" && (
                    <ResendInvitationButton userId={u.id} userName={u.name} />
                  )}
                  {u.totpEnabledAt && u.id !== actor.id && <ResetTwoFactorButton userId={u.id} userName={u.name} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <InviteUserForm />
      </section>
    </>
  );
}
