import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { listOutbox } from "@/lib/notifications/inbox";
import { smtpConfigFromEnv } from "@/lib/notifications/deliver-mail";
import { requirePermission } from "@/app/_server/session";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Outbox" };

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function OutboxPage() {
  await requirePermission("outbox.read", "/studio/admin/outbox");
  const smtp = smtpConfigFromEnv();
  const mails = await listOutbox(db);
  return (
    <>
      <h1>Outgoing mail</h1>
      <p className="notice info">
        {smtp
          ? `SMTP is configured (${smtp.host}:${smtp.port}): mail is sent and marked “Sent”; failed sends are retried.`
          : "No SMTP server is configured (SMTP_HOST), so e-mails are kept here instead of being sent."}
      </p>
      {mails.length === 0 ? (
        <p className="empty">No mail yet.</p>
      ) : (
        <TableScroll label="Outbox">
          <table data-testid="outbox">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">To</th>
                <th scope="col">Message</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>{fmt(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>
                    <strong>{m.subject}</strong>
                    <div className="audit-data">{m.text}</div>
                  </td>
                  <td>{m.sentAt ? `Sent ${fmt(m.sentAt)}` : m.lastError ? `Failed ${m.attempts}×: ${m.lastError}` : smtp ? "Queued" : "Kept in outbox"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
