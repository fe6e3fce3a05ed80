import { afterAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeSession, makeUser } from "../../tests/helpers/factory";
import type { Role } from "../auth/roles";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { setUserStatus } from "../users/set-user-status";
import { loadSessionActor } from "../users/load-actor";
import { authenticate, type AuthenticatedUser } from "../auth/authenticate";
import { can } from "../auth/policy";
import { putSetting } from "../settings/settings";
import { TWO_FACTOR_SETTING } from "../auth/two-factor-policy";
import { updateTwoFactorPolicy } from "../settings/update-settings";
import { changePassword, changePasswordSchema } from "./change-password";
import { viaSchema } from "../../tests/helpers/via-schema";
import type { Actor } from "../auth/policy";
import { signOutEverywhere } from "./sign-out-everywhere";
import { signOut } from "./sign-out";
import { SESSION_MAX_AGE_SECONDS, type SessionClaim } from "../auth/user-sessions";
import {
  processPasswordResetRequests,
  requestPasswordReset,
  resetPassword,
  RESET_REQUESTED_MESSAGE,
  RESET_REQUESTS_PER_ADDRESS,
} from "./password-reset";
import { acceptInvitation, inviteAdmin, inviteUser, resendInvitation } from "./invitations";
import { confirmTwoFactorEnrolment } from "./confirm-two-factor-enrolment";
import { disableTwoFactor } from "./disable-two-factor";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { resetTwoFactorByAdmin } from "./reset-two-factor-by-admin";
import { startTwoFactorEnrolment } from "./start-two-factor-enrolment";
import { TOKEN_LIFETIME_MS } from "./account-tokens";

const t = createTestDb();

/** A change of password as the account page's action makes it: the form parsed by the operation's schema. */
const changeVia = (actor: Actor, form: Record<string, string>) =>
  viaSchema(changePasswordSchema, form, (input) => changePassword(t.db, actor, input));

afterAll(() => t.cleanup());

const PASSWORD = "correct horse battery";
async function person(roles: Role[] = ["WRITER"]) {
  const user = await makeUser(t.db, { roles, password: PASSWORD });
  return { user, actor: user, email: user.email };
}

/** The token in the newest outbox mail to `to`. */
async function linkTokenFor(to: string, path: string): Promise<string> {
  const mail = await t.db.outboxMail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = mail.text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}

/** Asks for a reset link as the form does, then lets the worker handle the queued request. */
async function askForReset(email: string, options: { now?: Date } = {}) {
  const answer = await requestPasswordReset(t.db, { email }, options);
  await processPasswordResetRequests(t.db);
  return answer;
}

const signedIn = (userId: string) => makeSession(t.db, userId);
const claimOf = (s: AuthenticatedUser): SessionClaim => ({
  userId: s.id,
  sessionId: s.sessionId,
  sessionVersion: s.sessionVersion,
});
const session = (claim: SessionClaim) => loadSessionActor(t.db, claim);
/** The actor a session carries; fails the test when the session is refused. */
async function sessionActor(claim: SessionClaim) {
  const { actor } = await session(claim);
  if (!actor) throw new Error(`no session for ${claim.userId}`);
  return actor;
}
const ENDED = { actor: null, ended: "session-ended" };

describe("session versions", () => {
  it("sign out everywhere, a password change and disabling each refuse tokens issued before", async () => {
    const { user, actor, email } = await person();
    const first = await signedIn(user.id);
    const alsoFirst = await signedIn(user.id);
    expect((await session(first)).actor?.id).toBe(user.id);
    await signOutEverywhere(t.db, actor);
    expect(await session(first)).toEqual(ENDED);
    expect(await session(alsoFirst)).toEqual(ENDED);
    expect(await t.db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const second = await signedIn(user.id);
    expect(second.sessionVersion).toBe(1);
    expect((await session(second)).actor?.id).toBe(user.id);

    await changePassword(t.db, actor, {
      currentPassword: PASSWORD,
      password: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect((await session(second)).ended).toBe("session-ended");
    const third = claimOf(await authenticate(t.db, { email, password: "a brand new passphrase" }));
    expect(third.sessionVersion).toBe(2);
    expect((await session(third)).actor?.id).toBe(user.id);

    const admin = await person(["ADMIN"]);
    await setUserStatus(t.db, admin.actor, { userId: user.id, status: "DISABLED" });
    expect((await session(third)).ended).toBe("inactive");
    await setUserStatus(t.db, admin.actor, { userId: user.id, status: "ACTIVE" });
    expect((await session(third)).ended).toBe("session-ended"); // re-enabling does not revive old sessions
    expect(await t.db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const actions = await t.db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.signed_out_everywhere", "user.password_changed", "user.disabled"]),
    );
  });

  it("a password change needs the current password and a new, confirmed one", async () => {
    const { actor } = await person();
    const wrong = await catchAppError(
      changeVia(actor, {
        currentPassword: "nope",
        password: "another long one",
        confirmPassword: "another long one",
      }),
    );
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["That is not your current password."] });
    const mismatch = await catchAppError(
      changeVia(actor, { currentPassword: PASSWORD, password: "another long one", confirmPassword: "typo" }),
    );
    expect(mismatch.fieldErrors).toEqual({ confirmPassword: ["The two passwords do not match."] });
    const short = await catchAppError(
      changeVia(actor, { currentPassword: PASSWORD, password: "short", confirmPassword: "short" }),
    );
    expect(short.fieldErrors?.password).toEqual(["Use at least 12 characters."]);
  });
});

describe("one session", () => {
  it("signing out ends that session only: a copy of its token is refused, the person's other sessions go on", async () => {
    const { user, email } = await person();
    const here = claimOf(await authenticate(t.db, { email, password: PASSWORD }));
    const there = claimOf(await authenticate(t.db, { email, password: PASSWORD }));
    expect(here.sessionId).not.toBe(there.sessionId);
    expect((await session(here)).actor?.id).toBe(user.id);
    await signOut(t.db, here);
    expect(await session(here)).toEqual(ENDED);
    expect((await session(there)).actor?.id).toBe(user.id);
    // Signing out again (a second tab, a replayed request) changes nothing and records nothing more.
    await signOut(t.db, here);
    expect(await t.db.auditEvent.count({ where: { entityId: user.id, action: "auth.signed_out" } })).toBe(1);
    // Someone else's session cannot be ended by naming it.
    const other = await person();
    await signOut(t.db, { userId: other.user.id, sessionId: there.sessionId });
    expect((await session(there)).actor?.id).toBe(user.id);
  });

  it("refuses a token whose session is unknown, someone else's or past its 8 hours; expired rows go at the next sign-in", async () => {
    const { user, email } = await person();
    const other = await person();
    const othersSession = await signedIn(other.user.id);
    for (const sessionId of ["", "no-such-session", othersSession.sessionId])
      expect(await session({ userId: user.id, sessionId, sessionVersion: 0 })).toEqual(ENDED);

    const lifetimeMs = SESSION_MAX_AGE_SECONDS * 1000;
    const expired = claimOf(
      await authenticate(t.db, { email, password: PASSWORD }, new Date(Date.now() - lifetimeMs - 1000)),
    );
    const nearlyExpired = claimOf(
      await authenticate(t.db, { email, password: PASSWORD }, new Date(Date.now() - lifetimeMs + 60_000)),
    );
    expect(await session(expired)).toEqual(ENDED);
    expect((await session(nearlyExpired)).actor?.id).toBe(user.id);
    expect(await t.db.userSession.count({ where: { id: expired.sessionId } })).toBe(1);
    await authenticate(t.db, { email: other.email, password: PASSWORD });
    expect(await t.db.userSession.count({ where: { id: expired.sessionId } })).toBe(0);
    expect(await t.db.userSession.count({ where: { id: nearlyExpired.sessionId } })).toBe(1);
  });
});

describe("password reset", () => {
  it("answers the same for known and unknown addresses, and mails only known active ones", async () => {
    const { email } = await person();
    const outboxBefore = await t.db.outboxMail.count();
    expect(await askForReset("nobody@example.com")).toEqual({
      message: RESET_REQUESTED_MESSAGE,
    });
    expect(await t.db.outboxMail.count()).toBe(outboxBefore);
    expect(await askForReset(email.toUpperCase())).toEqual({
      message: RESET_REQUESTED_MESSAGE,
    });
    expect(await t.db.outboxMail.count()).toBe(outboxBefore + 1);
    const token = await linkTokenFor(email, "/reset-password");
    // Only the hash is stored.
    expect(await t.db.accountToken.count({ where: { tokenHash: token } })).toBe(0);
  });

  it("queues every request alike; the worker mails active known addresses only, and drops stale requests", async () => {
    const { email } = await person();
    const disabled = await makeUser(t.db, { status: "DISABLED" });
    const outboxBefore = await t.db.outboxMail.count();
    for (const address of [email, disabled.email, "nobody-queued@example.com"])
      await requestPasswordReset(t.db, { email: address }, { clientAddress: "203.0.113.9" });
    // Nothing looked up or mailed on the request path: one queued row per request, whatever the address.
    expect(await t.db.passwordResetRequest.count()).toBe(3);
    expect(await t.db.outboxMail.count()).toBe(outboxBefore);
    expect(await processPasswordResetRequests(t.db)).toEqual({ processed: 3, mailed: 1 });
    expect(await t.db.passwordResetRequest.count()).toBe(0);
    expect(await t.db.outboxMail.count()).toBe(outboxBefore + 1);
    expect(await t.db.outboxMail.count({ where: { to: email } })).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.password_reset_requested" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit.dataJson)).toEqual({ client: "203.0.113.9" });
    // A request the worker did not reach within a link's lifetime (server down) is dropped, not mailed late.
    const long = new Date(Date.now() - TOKEN_LIFETIME_MS.RESET - 60_000);
    await requestPasswordReset(t.db, { email }, { now: long, clientAddress: "203.0.113.9" });
    expect(await processPasswordResetRequests(t.db)).toEqual({ processed: 1, mailed: 0 });
    expect(await t.db.outboxMail.count({ where: { to: email } })).toBe(1);
  });

  it("a link works once, within 30 minutes, and revokes sessions and the lockout", async () => {
    const { user, email } = await person();
    const before = await signedIn(user.id);
    const now = new Date();
    await askForReset(email, { now });
    const token = await linkTokenFor(email, "/reset-password");
    const late = new Date(now.getTime() + TOKEN_LIFETIME_MS.RESET + 1000);
    const expired = await catchAppError(
      resetPassword(t.db, { token, password: "a new long password", confirmPassword: "a new long password" }, late),
    );
    expect(expired).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/expired or was already used/),
    });
    await t.db.attemptCounter.create({
      data: { key: `signin:account:${email}`, windowStartMs: BigInt(Date.now()), count: 9 },
    });
    await expect(
      resetPassword(t.db, { token, password: "a new long password", confirmPassword: "a new long password" }),
    ).resolves.toEqual({ email });
    const again = await catchAppError(
      resetPassword(t.db, { token, password: "yet another password", confirmPassword: "yet another password" }),
    );
    expect(again.code).toBe("BAD_REQUEST");
    expect((await session(before)).ended).toBe("session-ended");
    await expect(authenticate(t.db, { email, password: "a new long password" })).resolves.toMatchObject({
      id: user.id,
    });
    expect(await t.db.auditEvent.count({ where: { entityId: user.id, action: "user.password_reset" } })).toBe(1);
  });

  it("a newer link replaces an older one, and parallel uses of one link let only one through", async () => {
    const { email } = await person();
    await askForReset(email);
    const first = await linkTokenFor(email, "/reset-password");
    await askForReset(email);
    const second = await linkTokenFor(email, "/reset-password");
    const input = (token: string) => ({
      token,
      password: "parallel password 1",
      confirmPassword: "parallel password 1",
    });
    expect((await catchAppError(resetPassword(t.db, input(first)))).code).toBe("BAD_REQUEST");
    const results = await Promise.allSettled([1, 2, 3].map(() => resetPassword(t.db, input(second))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("sends at most a few links per address per half hour, with the same answer", async () => {
    const { email } = await person();
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS + 2; i++)
      expect((await askForReset(email)).message).toBe(RESET_REQUESTED_MESSAGE);
    expect(await t.db.outboxMail.count({ where: { to: email } })).toBe(RESET_REQUESTS_PER_ADDRESS);
  });
});

describe("invitations", () => {
  it("an invited person has no password until they choose one through the link", async () => {
    const admin = await person(["ADMIN"]);
    const email = `invitee-${Date.now()}@example.com`;
    const { user } = await inviteUser(t.db, admin.actor, { name: "New Editor", email, roles: ["EDITOR"] });
    expect(user.passwordHash).toBe("");
    expect((await catchAppError(authenticate(t.db, { email, password: "" }))).code).toBe("UNAUTHENTICATED");
    const mail = await t.db.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(mail.text).toMatch(/invited to the Imprimatur studio \(Editor\)/);
    const token = await linkTokenFor(email, "/invite");
    await acceptInvitation(t.db, { token, password: "my own password", confirmPassword: "my own password" });
    await expect(authenticate(t.db, { email, password: "my own password" })).resolves.toMatchObject({ id: user.id });
    expect((await catchAppError(resendInvitation(t.db, admin.actor, { userId: user.id }))).code).toBe("CONFLICT");
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: user.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.invited", "user.invitation_accepted"]));
  });

  it("only admins invite; the first-admin command invites once and re-issues while no password is set", async () => {
    const writer = await person();
    expect(
      (await catchAppError(inviteUser(t.db, writer.actor, { name: "X", email: "x@example.com", roles: [] }))).code,
    ).toBe("FORBIDDEN");
    const email = `first-admin-${Date.now()}@example.com`;
    const first = await inviteAdmin(t.db, { email });
    expect(first).toMatchObject({ created: true, link: expect.stringMatching(/\/invite\?token=/) });
    const second = await inviteAdmin(t.db, { email });
    expect(second.created).toBe(false);
    const oldToken = first.link.split("token=")[1];
    const newToken = second.link.split("token=")[1];
    const input = (token: string) => ({
      token,
      password: "first admin password",
      confirmPassword: "first admin password",
    });
    expect((await catchAppError(acceptInvitation(t.db, input(oldToken)))).code).toBe("BAD_REQUEST");
    await acceptInvitation(t.db, input(newToken));
    expect((await catchAppError(inviteAdmin(t.db, { email }))).code).toBe("CONFLICT");
    const user = await t.db.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
    expect(user.roles.map((r) => r.role)).toEqual(["ADMIN"]);
  });
});

describe("two-step sign-in", () => {
  it("enrols with a current code, shows ten recovery codes, and is audited", async () => {
    const { user, actor, email } = await person();
    const start = await startTwoFactorEnrolment(t.db, actor);
    expect(start.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(start.uri).toContain(encodeURIComponent(email));
    // Reloading the page shows the same secret until enrolment is confirmed.
    expect((await startTwoFactorEnrolment(t.db, actor)).secret).toBe(start.secret);
    const bad = await catchAppError(confirmTwoFactorEnrolment(t.db, actor, { code: "000000" }));
    expect(bad.fieldErrors?.code?.[0]).toMatch(/does not match/);
    const now = new Date();
    const code = await generate({ secret: start.secret, epoch: now.getTime() / 1000 });
    const { recoveryCodes } = await confirmTwoFactorEnrolment(t.db, actor, { code }, now);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // The code used to enrol cannot sign in again (replay).
    expect((await catchAppError(authenticate(t.db, { email, password: PASSWORD, code }, now))).code).toBe(
      "UNAUTHENTICATED",
    );
    await expect(authenticate(t.db, { email, password: PASSWORD, code: recoveryCodes[3] })).resolves.toBeTruthy();

    const regenerated = await regenerateRecoveryCodes(t.db, actor, { password: PASSWORD });
    expect((await catchAppError(authenticate(t.db, { email, password: PASSWORD, code: recoveryCodes[4] }))).code).toBe(
      "UNAUTHENTICATED",
    );
    await expect(
      authenticate(t.db, { email, password: PASSWORD, code: regenerated.recoveryCodes[0] }),
    ).resolves.toBeTruthy();
    await disableTwoFactor(t.db, actor, { password: PASSWORD });
    await expect(authenticate(t.db, { email, password: PASSWORD })).resolves.toBeTruthy();
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: user.id } })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "user.two_factor_enabled",
        "user.recovery_codes_regenerated",
        "user.two_factor_disabled",
      ]),
    );
  });

  it("the role policy sends people without a second factor to enrolment: they hold only account.self", async () => {
    const admin = await person(["ADMIN"]);
    const editor = await person(["EDITOR"]);
    const writer = await person(["WRITER"]);
    await putSetting(t.db, TWO_FACTOR_SETTING, "");
    const editorSession = await signedIn(editor.user.id);
    expect((await session(editorSession)).actor?.twoFactorPending).toBeUndefined();
    await updateTwoFactorPolicy(t.db, admin.actor, { roles: ["EDITOR", "ADMIN"] });
    const pending = await sessionActor(editorSession);
    expect(pending.twoFactorPending).toBe(true);
    expect(can(pending, "account.self")).toBe(true);
    expect(can(pending, "studio.access")).toBe(false);
    expect(can(pending, "article.publish")).toBe(false);
    expect((await session(await signedIn(writer.user.id))).actor?.twoFactorPending).toBeUndefined();
    // A required second factor cannot be switched off by its owner.
    const start = await startTwoFactorEnrolment(t.db, pending);
    await confirmTwoFactorEnrolment(t.db, pending, { code: await generate({ secret: start.secret }) });
    const enrolled = await sessionActor(editorSession);
    expect(can(enrolled, "article.publish")).toBe(true);
    expect((await catchAppError(disableTwoFactor(t.db, enrolled, { password: PASSWORD }))).code).toBe("FORBIDDEN");
    // An admin can reset it (lost phone): sessions end, and the person enrols again.
    await resetTwoFactorByAdmin(t.db, admin.actor, { userId: editor.user.id });
    expect((await session(editorSession)).ended).toBe("session-ended");
    expect((await session(await signedIn(editor.user.id))).actor?.twoFactorPending).toBe(true);
    const policyEvent = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: TWO_FACTOR_SETTING } });
    expect(JSON.parse(policyEvent.dataJson).changes[TWO_FACTOR_SETTING]).toEqual({ from: "", to: "EDITOR,ADMIN" });
  });
});
