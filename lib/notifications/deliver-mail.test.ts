import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import { deliverQueuedMail, MAX_ATTEMPTS, smtpConfigFromEnv } from "./deliver-mail";
import { queueNotification } from "./queue-notification";
import { listInbox, markRead, unreadCount } from "./inbox";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("notifications", () => {
  it("queues an inbox row and an outbox mail in the caller's transaction (or neither)", async () => {
    const u = await makeUser(t.db, { roles: ["WRITER"] });
    await expect(
      t.db.$transaction(async (tx) => {
        await queueNotification(tx, { userId: u.id, kind: "APPROVED", title: "Rolled back" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await t.db.notification.count({ where: { userId: u.id } })).toBe(0);
    await t.db.$transaction((tx) =>
      queueNotification(tx, { userId: u.id, kind: "APPROVED", title: "Approved: X", body: "Body", link: "/studio/x" }),
    );
    expect(await unreadCount(t.db, u.id)).toBe(1);
    const mail = await t.db.outboxMail.findFirstOrThrow({ where: { to: u.email } });
    expect(mail.subject).toBe("[Imprimatur] Approved: X");
    expect(mail.text).toMatch(/\/studio\/x/);
    const [n] = await listInbox(t.db, u.id);
    await expect(markRead(t.db, { ...u, id: "someone-else" }, { id: n.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await markRead(t.db, u, { id: n.id });
    expect(await unreadCount(t.db, u.id)).toBe(0);
  });

  it("without SMTP mail stays in the outbox; with a sender it is sent once, failures retried up to a limit", async () => {
    expect(smtpConfigFromEnv({})).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_HOST: "mail.local", SMTP_PORT: "465" })).toMatchObject({
      host: "mail.local",
      port: 465,
      secure: true,
    });
    expect(smtpConfigFromEnv({ SMTP_URL: "smtps://u:p@mail.example.org", MAIL_FROM: "x@y" })).toMatchObject({
      url: "smtps://u:p@mail.example.org",
      host: "mail.example.org",
      port: 465,
      from: "x@y",
    });
    expect(smtpConfigFromEnv({ SMTP_URL: "not a url" })).toBeNull();
    const u = await makeUser(t.db, { roles: ["WRITER"] });
    await t.db.$transaction((tx) => queueNotification(tx, { userId: u.id, kind: "PUBLISHED", title: "Published" }));
    expect(await deliverQueuedMail(t.db, { sender: null })).toEqual({ mode: "outbox", sent: 0, failed: 0 });

    const sent: string[] = [];
    const r = await deliverQueuedMail(t.db, { sender: async (m) => void sent.push(m.to) });
    expect(r.sent).toBeGreaterThanOrEqual(1);
    expect(sent).toContain(u.email);
    expect((await deliverQueuedMail(t.db, { sender: async (m) => void sent.push(m.to) })).sent).toBe(0);

    await t.db.$transaction((tx) => queueNotification(tx, { userId: u.id, kind: "PUBLISHED", title: "Again" }));
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++)
      await deliverQueuedMail(t.db, { sender: async () => Promise.reject(new Error("550 mailbox unavailable")) });
    const failed = await t.db.outboxMail.findFirstOrThrow({ where: { subject: "[Imprimatur] Again" } });
    expect(failed).toMatchObject({ sentAt: null, attempts: MAX_ATTEMPTS, lastError: "550 mailbox unavailable" });
  });
});

describe("SMTP delivery through nodemailer", () => {
  it("sends queued mail to an SMTP server and marks it sent", async () => {
    const { createServer } = await import("node:net");
    const received: string[] = [];
    // A minimal SMTP server: enough of RFC 5321 for one plain-text message.
    const server = createServer((socket) => {
      let data = false;
      let buf = "";
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (chunk) => {
        buf += chunk.toString();
        let i;
        while ((i = buf.indexOf("\r\n")) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (data) {
            if (line === ".") {
              data = false;
              socket.write("250 OK queued\r\n");
            } else received.push(line);
            continue;
          }
          const cmd = line.slice(0, 4).toUpperCase();
          if (cmd === "EHLO" || cmd === "HELO") socket.write("250 test\r\n");
          else if (cmd === "DATA") {
            data = true;
            socket.write("354 go ahead\r\n");
          } else if (cmd === "QUIT") socket.end("221 bye\r\n");
          else socket.write("250 OK\r\n");
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const u = await makeUser(t.db, { roles: ["WRITER"] });
      await t.db.$transaction((tx) =>
        queueNotification(tx, {
          userId: u.id,
          kind: "CREDENTIAL_VERIFIED",
          title: "Over SMTP",
          body: "Hello by mail.",
        }),
      );
      const { nodemailerSender } = await import("./deliver-mail");
      const r = await deliverQueuedMail(t.db, {
        sender: nodemailerSender({ host: "127.0.0.1", port, secure: false, from: "Imprimatur <no-reply@test.local>" }),
      });
      expect(r.failed).toBe(0);
      const row = await t.db.outboxMail.findFirstOrThrow({ where: { subject: "[Imprimatur] Over SMTP" } });
      expect(row.sentAt).not.toBeNull();
      expect(received.join("\n")).toContain("Subject: [Imprimatur] Over SMTP");
      expect(received.join("\n")).toContain("Hello by mail.");
    } finally {
      server.close();
    }
  });
});
