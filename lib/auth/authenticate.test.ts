import { afterAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { createTestDb } from "../../tests/helpers/test-db";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { makeUser as makeTestUser } from "../../tests/helpers/factory";
import {
  authenticate,
  CLIENT_MAX_FAILURES,
  INVALID_CODE_MESSAGE,
  INVALID_CREDENTIALS_MESSAGE,
  LOCKOUT_MAX_FAILURES,
  LOCKOUT_WINDOW_MS,
} from "./authenticate";
import { newTotpSecret } from "./totp";
import { replaceRecoveryCodes } from "./recovery-codes";

const t = createTestDb();
afterAll(() => t.cleanup());

const PASSWORD = "correct horse battery";

const makeUser = (email: string, status: "ACTIVE" | "DISABLED" = "ACTIVE") =>
  makeTestUser(t.db, { email, status, password: PASSWORD });

const signIn = (email: string, password: string, now?: Date, extra: { code?: string; clientAddress?: string } = {}) =>
  authenticate(t.db, { email, password, clientAddress: extra.clientAddress ?? "10.0.0.1", code: extra.code }, now);

async function events(action: string, entityId: string) {
  return t.db.auditEvent.count({ where: { action, entityId } });
}

describe("authenticate", () => {
  it("signs in with the right password, case-insensitive e-mail, and stores an argon2id hash", async () => {
    const user = await makeUser("ok@example.com");
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash.startsWith("$argon2id$")).toBe(true);
    await expect(signIn("  OK@Example.com ", PASSWORD)).resolves.toMatchObject({ id: user.id, sessionVersion: 0 });
    expect(await events("auth.signed_in", user.id)).toBe(1);
  });

  it("answers unknown account, wrong password, disabled and invited (no password) accounts with the same message", async () => {
    const wrong = await makeUser("wrong@example.com");
    await makeUser("disabled@example.com", "DISABLED");
    await makeTestUser(t.db, { email: "invited@example.com", name: "Invited", invited: true });
    for (const [email, password] of [
      ["nobody@example.com", "whatever"],
      ["wrong@example.com", "incorrect"],
      ["disabled@example.com", PASSWORD],
      ["invited@example.com", ""],
    ]) {
      const err = await catchAppError(signIn(email, password));
      expect(err).toMatchObject({ code: "UNAUTHENTICATED", message: INVALID_CREDENTIALS_MESSAGE });
    }
    expect(await events("auth.signin_failed", wrong.id)).toBe(1);
    expect(await events("auth.signin_failed", "nobody@example.com")).toBe(1);
  });

  it("locks an account after five attempts within 15 minutes, even for the right password, then unlocks", async () => {
    const user = await makeUser("locked@example.com");
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) {
      const err = await catchAppError(signIn("locked@example.com", "bad", new Date(start.getTime() + i * 1000)));
      expect(err.code).toBe("UNAUTHENTICATED");
    }
    const during = new Date(start.getTime() + 60_000);
    const locked = await catchAppError(signIn("locked@example.com", PASSWORD, during));
    expect(locked).toMatchObject({
      code: "ACCOUNT_LOCKED",
      message: expect.stringMatching(/Try again in 14 minutes\./),
    });
    await catchAppError(signIn("locked@example.com", PASSWORD, during));
    expect(await events("auth.locked_out", user.id)).toBe(1); // once per lockout, not per refused attempt
    const after = new Date(start.getTime() + LOCKOUT_WINDOW_MS + 5_000);
    await expect(signIn("locked@example.com", PASSWORD, after)).resolves.toBeTruthy();
  });

  it("checks at most five of 20 parallel wrong passwords for one account", async () => {
    const user = await makeUser("race@example.com");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        signIn("race@example.com", `wrong-${i}`, undefined, { clientAddress: `10.1.0.${i}` }),
      ),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(LOCKOUT_MAX_FAILURES);
    expect(codes.filter((c) => c === "ACCOUNT_LOCKED")).toHaveLength(20 - LOCKOUT_MAX_FAILURES);
    expect(await events("auth.signin_failed", user.id)).toBe(LOCKOUT_MAX_FAILURES);
  });

  it("throttles one client address across accounts, and a success gives its attempt back", async () => {
    const start = new Date("2026-03-01T10:00:00Z");
    const user = await makeUser("sprayed@example.com");
    await signIn("sprayed@example.com", PASSWORD, start, { clientAddress: "192.0.2.9" });
    for (let i = 0; i < CLIENT_MAX_FAILURES; i++)
      await catchAppError(signIn(`spray-${i}@example.com`, "guess", start, { clientAddress: "192.0.2.9" }));
    const err = await catchAppError(signIn("sprayed@example.com", PASSWORD, start, { clientAddress: "192.0.2.9" }));
    expect(err.code).toBe("RATE_LIMITED");
    // Another address is not affected.
    await expect(
      signIn("sprayed@example.com", PASSWORD, start, { clientAddress: "192.0.2.10" }),
    ).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("does not lock for failures spread over more than the window, and clears the count on success", async () => {
    await makeUser("spread@example.com");
    const start = new Date("2026-02-01T10:00:00Z");
    for (let i = 0; i < 4; i++)
      await catchAppError(signIn("spread@example.com", "bad", new Date(start.getTime() + i * 1000)));
    await signIn("spread@example.com", PASSWORD, new Date(start.getTime() + 5000));
    expect(await t.db.attemptCounter.count({ where: { key: "signin:account:spread@example.com" } })).toBe(0);
  });
});

describe("sign-in with a second factor", () => {
  async function enrolled(email: string) {
    const user = await makeUser(email);
    const secret = newTotpSecret();
    await t.db.user.update({ where: { id: user.id }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
    const codes = await replaceRecoveryCodes(t.db, user.id);
    return { user, secret, codes };
  }

  it("asks for the code after the right password, accepts a current code once, and refuses a wrong one", async () => {
    const { user, secret } = await enrolled("totp@example.com");
    const now = new Date("2026-04-01T10:00:00Z");
    expect((await catchAppError(signIn("totp@example.com", PASSWORD, now))).code).toBe("TWO_FACTOR_REQUIRED");
    const code = await generate({ secret, epoch: now.getTime() / 1000 });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await catchAppError(signIn("totp@example.com", PASSWORD, now, { code: wrong }))).toMatchObject({
      code: "UNAUTHENTICATED",
      message: INVALID_CODE_MESSAGE,
    });
    await expect(signIn("totp@example.com", PASSWORD, now, { code })).resolves.toMatchObject({ id: user.id });
    // The same code again (a replay) is refused, even within its 30 seconds.
    expect((await catchAppError(signIn("totp@example.com", PASSWORD, now, { code }))).code).toBe("UNAUTHENTICATED");
    // The wrong password with a right code is still the generic password failure.
    expect((await catchAppError(signIn("totp@example.com", "nope", now, { code }))).message).toBe(
      INVALID_CREDENTIALS_MESSAGE,
    );
    expect(await events("auth.two_factor_failed", user.id)).toBe(2);
  });

  it("accepts a code from the previous or next 30-second step, not from two steps away", async () => {
    const { secret } = await enrolled("window@example.com");
    const now = new Date("2026-04-02T10:00:15Z");
    const at = (offsetSeconds: number) => generate({ secret, epoch: now.getTime() / 1000 + offsetSeconds });
    expect((await catchAppError(signIn("window@example.com", PASSWORD, now, { code: await at(-60) }))).code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await catchAppError(signIn("window@example.com", PASSWORD, now, { code: await at(60) }))).code).toBe(
      "UNAUTHENTICATED",
    );
    await expect(signIn("window@example.com", PASSWORD, now, { code: await at(-30) })).resolves.toBeTruthy();
    await expect(signIn("window@example.com", PASSWORD, now, { code: await at(30) })).resolves.toBeTruthy();
  });

  it("accepts each recovery code once, in any case and with or without the dash", async () => {
    const { user, codes } = await enrolled("recovery@example.com");
    await expect(
      signIn("recovery@example.com", PASSWORD, undefined, { code: codes[0].toUpperCase() }),
    ).resolves.toBeTruthy();
    expect((await catchAppError(signIn("recovery@example.com", PASSWORD, undefined, { code: codes[0] }))).code).toBe(
      "UNAUTHENTICATED",
    );
    await expect(
      signIn("recovery@example.com", PASSWORD, undefined, { code: codes[1].replace("-", "") }),
    ).resolves.toBeTruthy();
    expect(await t.db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(codes.length - 2);
    const signedIn = await t.db.auditEvent.findMany({ where: { action: "auth.signed_in", entityId: user.id } });
    expect(signedIn.map((e) => JSON.parse(e.dataJson).method)).toEqual(["recovery_code", "recovery_code"]);
  });

  it("lets only one of several parallel sign-ins use the same recovery code", async () => {
    const { codes } = await enrolled("parallel-recovery@example.com");
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => signIn("parallel-recovery@example.com", PASSWORD, undefined, { code: codes[2] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});
