import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { createUser } from "../users/manage-users";
import { authenticate, INVALID_CREDENTIALS_MESSAGE, LOCKOUT_WINDOW_MS } from "./authenticate";

const t = createTestDb();
afterAll(() => t.cleanup());

async function makeUser(email: string, status: "ACTIVE" | "DISABLED" = "ACTIVE") {
  const user = await createUser(t.db, null, {
    name: "Test",
    email,
    password: "correct horse battery",
    roles: ["WRITER"],
  });
  if (status === "DISABLED") await t.db.user.update({ where: { id: user.id }, data: { status } });
  return user;
}

describe("authenticate", () => {
  it("signs in with the right password, case-insensitive e-mail, and stores an argon2id hash", async () => {
    const user = await makeUser("ok@example.com");
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    await expect(authenticate(t.db, "  OK@Example.com ", "correct horse battery")).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("answers unknown account, wrong password and disabled account with the same message", async () => {
    await makeUser("wrong@example.com");
    await makeUser("disabled@example.com", "DISABLED");
    for (const [email, password] of [
      ["nobody@example.com", "whatever"],
      ["wrong@example.com", "incorrect"],
      ["disabled@example.com", "correct horse battery"],
    ]) {
      await expect(authenticate(t.db, email, password)).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        message: INVALID_CREDENTIALS_MESSAGE,
      });
    }
  });

  it("locks an account after five failures within 15 minutes, even for the right password, then unlocks", async () => {
    await makeUser("locked@example.com");
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      await expect(
        authenticate(t.db, "locked@example.com", "bad", new Date(start.getTime() + i * 1000)),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const during = new Date(start.getTime() + 60_000);
    await expect(authenticate(t.db, "locked@example.com", "correct horse battery", during)).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
      message: expect.stringMatching(/Try again in 14 minutes\./),
    });
    const after = new Date(start.getTime() + LOCKOUT_WINDOW_MS + 5_000);
    await expect(authenticate(t.db, "locked@example.com", "correct horse battery", after)).resolves.toBeTruthy();
  });

  it("does not lock for failures spread over more than the window, and clears the count on success", async () => {
    await makeUser("spread@example.com");
    const start = new Date("2026-02-01T10:00:00Z");
    for (let i = 0; i < 4; i++)
      await authenticate(t.db, "spread@example.com", "bad", new Date(start.getTime() + i * 1000)).catch(() => {});
    await authenticate(t.db, "spread@example.com", "correct horse battery", new Date(start.getTime() + 5000));
    expect(await t.db.loginFailure.count({ where: { email: "spread@example.com" } })).toBe(0);
  });
});
