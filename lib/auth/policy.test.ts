import { describe, expect, it } from "vitest";
import { can, assertCan, permissionsOf, ROLE_PERMISSIONS, PERMISSIONS, type Actor } from "./policy";
import { ROLES } from "./roles";

const actor = (roles: string[], status = "ACTIVE"): Actor => ({ id: "u1", name: "U", email: "u@x", status, roles });

describe("authorization policy", () => {
  it("grants each role exactly its listed permissions", () => {
    for (const role of ROLES) {
      expect([...permissionsOf(actor([role]))].sort()).toEqual([...ROLE_PERMISSIONS[role]].sort());
    }
  });

  it("unions the permissions of several roles", () => {
    const both = actor(["WRITER", "REVIEWER"]);
    expect(can(both, "article.create")).toBe(true);
    expect(can(both, "review.decide")).toBe(true);
    expect(can(both, "users.manage")).toBe(false);
  });

  it("fails closed: no actor, unknown role, disabled account", () => {
    for (const p of PERMISSIONS) {
      expect(can(null, p)).toBe(false);
      expect(can(actor(["SUPERUSER"]), p)).toBe(false);
      expect(can(actor(["ADMIN", "EDITOR", "WRITER", "REVIEWER"], "DISABLED"), p)).toBe(false);
    }
  });

  it("keeps duties apart: writers cannot publish or review, admins cannot edit articles", () => {
    expect(can(actor(["WRITER"]), "article.publish")).toBe(false);
    expect(can(actor(["WRITER"]), "review.decide")).toBe(false);
    expect(can(actor(["REVIEWER"]), "article.publish")).toBe(false);
    expect(can(actor(["ADMIN"]), "article.edit.any")).toBe(false);
    expect(can(actor(["EDITOR"]), "users.manage")).toBe(false);
  });

  it("assertCan throws coded errors", () => {
    expect(() => assertCan(null, "studio.access")).toThrowError(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => assertCan(actor(["WRITER"]), "users.manage")).toThrowError(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => assertCan(actor(["ADMIN"]), "users.manage")).not.toThrow();
  });
});
