import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import type { Actor } from "../auth/policy";
import { createUser, newUserSchema } from "./create-user";
import { setRolesSchema, setUserRoles } from "./set-user-roles";
import { setUserStatus } from "./set-user-status";
import { viaSchema } from "../../tests/helpers/via-schema";
import { loadActor } from "./load-actor";
import { listUsers } from "./list-users";
import { catchAppError } from "../../tests/helpers/catch-app-error";

const t = createTestDb();
afterAll(() => t.cleanup());

async function actorFor(id: string): Promise<Actor> {
  const actor = await loadActor(t.db, id);
  if (!actor) throw new Error("no actor");
  return actor;
}

describe("user administration", () => {
  it("creates, re-roles and disables accounts with audit events; roles are re-read from the database", async () => {
    const admin = await actorFor(
      (
        await createUser(t.db, null, {
          name: "Admin",
          email: "a@example.com",
          password: "long enough password",
          roles: ["ADMIN"],
        })
      ).id,
    );
    const person = await createUser(t.db, admin, {
      name: "Person",
      email: "p@example.com",
      password: "long enough password",
      roles: ["WRITER"],
    });
    await setUserRoles(t.db, admin, { userId: person.id, roles: ["EDITOR", "REVIEWER"] });
    expect([...(await actorFor(person.id)).roles].sort()).toEqual(["EDITOR", "REVIEWER"]);
    await setUserStatus(t.db, admin, { userId: person.id, status: "DISABLED" });
    expect(await loadActor(t.db, person.id)).toBeNull();
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: person.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["user.created", "user.roles_changed", "user.disabled"]);
  });

  it("refuses non-admins, duplicates, bad input, and an admin removing their own admin role", async () => {
    const admin = await actorFor(
      (
        await createUser(t.db, null, {
          name: "Admin 2",
          email: "a2@example.com",
          password: "long enough password",
          roles: ["ADMIN"],
        })
      ).id,
    );
    const writer = await actorFor(
      (
        await createUser(t.db, null, {
          name: "W",
          email: "w@example.com",
          password: "long enough password",
          roles: ["WRITER"],
        })
      ).id,
    );
    await expect(
      createUser(t.db, writer, { name: "X", email: "x@example.com", password: "long enough password", roles: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createUser(t.db, admin, { name: "Dup", email: "w@example.com", password: "long enough password", roles: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      viaSchema(newUserSchema, { name: "", email: "nope", password: "short" }, (input) =>
        createUser(t.db, admin, input),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        name: ["Enter the person's name."],
        email: ["Enter a valid e-mail address."],
        password: ["Use at least 12 characters."],
      },
    });
    await expect(setUserRoles(t.db, admin, { userId: admin.id, roles: ["EDITOR"] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(setUserStatus(t.db, admin, { userId: admin.id, status: "DISABLED" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      viaSchema(setRolesSchema, { userId: writer.id, roles: ["SUPERUSER"] }, (input) =>
        setUserRoles(t.db, admin, input),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses an admin disabling their own account, with a plain message, and changes nothing", async () => {
    const admin = await actorFor(
      (
        await createUser(t.db, null, {
          name: "Admin Self",
          email: "self@example.com",
          password: "long enough password",
          roles: ["ADMIN"],
        })
      ).id,
    );
    const refused = await catchAppError(setUserStatus(t.db, admin, { userId: admin.id, status: "DISABLED" }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: "You cannot disable your own account." });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).status).toBe("ACTIVE");
    expect(await t.db.auditEvent.count({ where: { entityId: admin.id, action: "user.disabled" } })).toBe(0);
  });

  it("finds people by a part of their name or e-mail, in any case", async () => {
    const admin = await actorFor(
      (
        await createUser(t.db, null, {
          name: "Admin Finder",
          email: "finder@example.com",
          password: "long enough password",
          roles: ["ADMIN"],
        })
      ).id,
    );
    await createUser(t.db, admin, {
      name: "Zelda Quist",
      email: "zq@clinic.example",
      password: "long enough password",
      roles: ["WRITER"],
    });
    const names = async (q: string) => (await listUsers(t.db, { q })).users.map((u) => u.name);
    expect(await names("QUIST")).toEqual(["Zelda Quist"]);
    expect(await names("clinic.exa")).toEqual(["Zelda Quist"]);
    expect(await names("nobody-has-this")).toEqual([]);
    expect((await names("  ")).length).toBeGreaterThan(1); // blank: everyone
    expect((await listUsers(t.db, { q: ["a", "b"] })).q).toBeUndefined(); // a repeated parameter is ignored
  });
});
