import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/review-fixtures";
import { deliverQueuedMail, MAX_ATTEMPTS, smtpConfigFromEnv } from "./deliver-mail";
import { queueNotification } from "./queue-notification";
import { listInbox, markRead, unreadCount } from "./inbox";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("notifications", () => {
  it("queues an inbox row and an outbox mail in the caller's transaction (or neither)", async () => {
    const u = await makeUser(t.db, ["WRITER"]);
    await expect(
      t.db.$transaction(async (tx) => {
        await queueNotification(tx, { userId: u.id, kind: "APPROVED", title: "Rolled back" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await t.db.notification.count({ where: { userId: u.id } })).toBe(0);
    await t.db.$transaction((tx) => queueNotification(tx, { userId: u.id, kind: "APPROVED", title: "Approved: X", body: "Body", link: "/studio/x" }));
    expect(await unreadCount(t.db, u.id)).toBe(1);
    const mail = await t.db.outboxMail.findFirstOrThrow({ where: { to: u.email } });
    expect(mail.subject).toBe("[Imprimatur] Approved: X");
    expect(mail.text).toMatch(/\/studio\/x/);
    const [n] = await listInbox(t.db, u.id);
    await expect(markRead(t.db, "someone-else", n.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markRead(t.db, u.id, n.id);
    expect(await unreadCount(t.db, u.id)).toBe(0);
  });

  it("without SMTP mail stays in the outbox; with a sender it is sent once, failures retried up to a limit", async () => {
    expect(smtpConfigFromEnv({})).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_HOST: "mail.local", SMTP_PORT: "465" })).toMatchObject({ host: "mail.local", port: 465, secure: true });
    const u = await makeUser(t.db, ["WRITER"]);
    await t.db.$transaction((tx) => queueNotification(tx, { userId: u.id, kind: "PUBLISHED", title: "Published" }));
    expect(await deliverQueuedMail(t.db, { sender: null })).toEqual({ mode: "outbox", sent: 0, failed: 0 });

    const sent: string[] = [];
    const r = await deliverQueuedMail(t.db, { sender: async (m) => void sent.push(m.to) });
    expect(r.sent).toBeGreaterThanOrEqual(1);
    expect(sent).toContain(u.email);
    expect((await deliverQueuedMail(t.db, { sender: async (m) => void sent.push(m.to) })).sent).toBe(0);

    await t.db.$transaction((tx) => queueNotification(tx, { userId: u.id, kind: "PUBLISHED", title: "Again" }));
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await deliverQueuedMail(t.db, { sender: async () => Promise.reject(new Error("550 mailbox unavailable")) });
    const failed = await t.db.outboxMail.findFirstOrThrow({ where: { subject: "[Imprimatur] Again" } });
    expect(failed).toMatchObject({ sentAt: null, attempts: MAX_ATTEMPTS, lastError: "550 mailbox unavailable" });
  });
});
