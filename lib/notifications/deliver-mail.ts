// Sends the e-mails queued in OutboxMail (queue-notification.ts writes them inside the transaction of the
// change they report). Runs after commit and on every scheduler tick, so nothing is lost if the process
// stops in between.
// - SMTP configured (SMTP_URL such as smtps://user:pass@mail.example.org:465, or SMTP_HOST with optional
//   SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURE; MAIL_FROM for the sender):
//   each unsent row is sent through nodemailer; sentAt is set when the server accepted it, failures are
//   counted (lastError) and retried on later ticks, up to MAX_ATTEMPTS.
// - No SMTP: rows stay unsent in the outbox, which admins read in the studio (/studio/admin/outbox).
import nodemailer from "nodemailer";
import type { Db } from "../db/client";

export const MAX_ATTEMPTS = 5;

export interface SmtpConfig {
  /** A connection URL (SMTP_URL); when set, it wins over the separate fields. */
  url?: string;
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

export function smtpConfigFromEnv(env: Record<string, string | undefined> = process.env): SmtpConfig | null {
  const from = env.MAIL_FROM || "Imprimatur <no-reply@localhost>";
  const url = env.SMTP_URL?.trim();
  if (url) {
    try {
      const u = new URL(url);
      return {
        url,
        host: u.hostname,
        port: Number(u.port) || (u.protocol === "smtps:" ? 465 : 587),
        secure: u.protocol === "smtps:",
        from,
      };
    } catch {
      console.error("[mail] SMTP_URL is not a valid URL; mail stays in the outbox.");
      return null;
    }
  }
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.SMTP_PORT || 587);
  return {
    host,
    port: Number.isFinite(port) ? port : 587,
    secure: env.SMTP_SECURE === "true" || port === 465,
    user: env.SMTP_USER || undefined,
    password: env.SMTP_PASSWORD || undefined,
    from,
  };
}

/** What sends one message; injectable for tests. */
export type MailSender = (msg: { from: string; to: string; subject: string; text: string }) => Promise<void>;

export function nodemailerSender(config: SmtpConfig): MailSender {
  const transport = config.url
    ? nodemailer.createTransport(config.url)
    : nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
      });
  return async (msg) => {
    await transport.sendMail(msg);
  };
}

export interface DeliveryResult {
  mode: "smtp" | "outbox";
  sent: number;
  failed: number;
}

let running: Promise<DeliveryResult> | null = null;

/** Sends pending mail (at most `limit` per call). Concurrent calls in one process share one run. */
export function deliverQueuedMail(
  db: Db,
  options: { sender?: MailSender | null; from?: string; limit?: number } = {},
): Promise<DeliveryResult> {
  running ??= run(db, options).finally(() => {
    running = null;
  });
  return running;
}

async function run(
  db: Db,
  options: { sender?: MailSender | null; from?: string; limit?: number },
): Promise<DeliveryResult> {
  const config = smtpConfigFromEnv();
  const sender = options.sender === undefined ? (config ? nodemailerSender(config) : null) : options.sender;
  if (!sender) return { mode: "outbox", sent: 0, failed: 0 };
  const from = options.from ?? config?.from ?? "Imprimatur <no-reply@localhost>";
  const pending = await db.outboxMail.findMany({
    where: { sentAt: null, attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
  });
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    try {
      await sender({ from, to: mail.to, subject: mail.subject, text: mail.text });
      await db.outboxMail.update({
        where: { id: mail.id },
        data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
      });
      sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db.outboxMail.update({
        where: { id: mail.id },
        data: { attempts: { increment: 1 }, lastError: message.slice(0, 500) },
      });
      failed++;
    }
  }
  return { mode: "smtp", sent, failed };
}
