import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { isRole } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/list-users";
import { requirePermission } from "@/app/_server/session";
import { InviteUserForm, ResendInvitationButton, ResetTwoFactorButton, RolesForm, StatusButton } from "./user-forms";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("users.manage", "/studio/admin/users");
  const { q, users } = await listUsers(db, await searchParams);
  return (
    <>
      <h1>Users and roles</h1>
      <section className="panel">
        <InviteUserForm />
      </section>
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading">People ({users.length})</h2>
        {/* A plain GET form: the search is in the URL and works without JavaScript. */}
        <form method="get" action="/studio/admin/users" role="search" aria-label="People" className="user-search">
          <label htmlFor="user-search">Search people</label>
          <input id="user-search" type="search" name="q" defaultValue={q ?? ""} placeholder="Name or e-mail" />
          <button type="submit" className="secondary">
            Search
          </button>
          {q && <Link href="/studio/admin/users">Show everyone</Link>}
        </form>
        {users.length === 0 ? (
          <p className="empty">Nobody&rsquo;s name or e-mail contains &ldquo;{q}&rdquo;.</p>
        ) : (
          <TableScroll label="People, table">
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
                      {u.id === actor.id ? (
                        <span className="field-hint">This is you</span>
                      ) : (
                        <StatusButton userId={u.id} userName={u.name} status={u.status} />
                      )}
                      {!u.passwordHash && u.status === "ACTIVE" && (
                        <ResendInvitationButton userId={u.id} userName={u.name} />
                      )}
                      {u.totpEnabledAt && u.id !== actor.id && <ResetTwoFactorButton userId={u.id} userName={u.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
