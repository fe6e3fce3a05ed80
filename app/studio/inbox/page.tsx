import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { listInbox } from "@/lib/notifications/inbox";
import { requirePermission } from "@/app/_server/session";
import { ActionForm } from "@/components/studio/action-form";
import { markReadAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function InboxPage() {
  const actor = await requirePermission("studio.access", "/studio/inbox");
  const items = await listInbox(db, actor.id);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <h1>Inbox</h1>
      <p>
        {unread} unread.{" "}
        {unread > 0 && (
          <ActionForm
            action={markReadAction}
            submitLabel="Mark all as read"
            buttonClass="secondary"
            label="Mark all as read"
          >
            <input type="hidden" name="id" value="all" />
          </ActionForm>
        )}
      </p>
      {items.length === 0 ? (
        <p className="empty">No notifications yet.</p>
      ) : (
        <ul className="gate-items" data-testid="inbox">
          {items.map((n) => (
            <li key={n.id} className={`gate-item inbox-item${n.readAt ? "" : " unread"}`} data-testid="inbox-item">
              <p className="comment-meta">
                <time dateTime={n.createdAt.toISOString()}>{fmt(n.createdAt)}</time>{" "}
                {!n.readAt && <span className="badge warn">New</span>}
              </p>
              <h2 className="h3">{n.link ? <Link href={n.link}>{n.title}</Link> : n.title}</h2>
              {n.body && <p className="comment-body">{n.body}</p>}
              {!n.readAt && (
                <ActionForm
                  action={markReadAction}
                  submitLabel="Mark as read"
                  buttonClass="secondary"
                  label={`Mark “${n.title}” as read`}
                >
                  <input type="hidden" name="id" value={n.id} />
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
