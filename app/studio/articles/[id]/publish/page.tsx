import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import { isAppError } from "@/lib/errors";
import { STATUS_LABELS } from "@/lib/workflow/state-machine";
import { loadPublishScreen } from "@/lib/publishing/publish-screen";
import { requirePermission } from "@/app/_server/session";
import { ActionForm, Field } from "@/components/studio/action-form";
import { UpdateHistory } from "@/components/article/update-history";
import {
  archiveAction,
  cancelScheduleAction,
  overrideAction,
  publishAction,
  restoreAction,
  scheduleAction,
  unpublishAction,
} from "./actions";
import { ScheduleForm } from "./schedule-form";
import { AssignmentPanel } from "./assignment-panel";

export const metadata: Metadata = { title: "Publish" };

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
const STATE_TEXT = { passed: "Passed", failed: "Failed", overridden: "Overridden" } as const;
const STATE_CLASS = { passed: "ok", failed: "bad", overridden: "warn" } as const;

export default async function PublishPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("article.publish", `/studio/articles/${id}/publish`);
  let s: Awaited<ReturnType<typeof loadPublishScreen>>;
  try {
    s = await loadPublishScreen(db, actor, id);
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  const { article, ctx, gate, revision, may } = s;
  const canOverride = can(actor, "gate.override");
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/studio">Dashboard</Link> › Publish
      </p>
      <h1>{article.title}</h1>
      <p className="status-line">
        <span className="badge" data-testid="article-status">
          {STATUS_LABELS[ctx.status]}
        </span>
        {ctx.isLive ? (
          <span className="badge ok" data-testid="live-badge">
            Live
          </span>
        ) : (
          <span className="badge">Not live</span>
        )}
        <Link href={`/studio/articles/${article.id}/review`}>Review screen</Link>
        {ctx.isLive && <Link href={`/articles/${article.slug}`}>Public page</Link>}
      </p>

      <section className="panel" aria-labelledby="gate-heading" data-testid="gate">
        <h2 id="gate-heading">Publish gate{revision ? ` for revision ${revision.number}` : ""}</h2>
        {!gate || !revision ? (
          <p className="empty">No revision has been submitted yet, so there is nothing to publish.</p>
        ) : (
          <>
            <p>
              {gate.passes ? (
                <span className="badge ok" data-testid="gate-verdict">
                  Gate passes
                </span>
              ) : (
                <span className="badge bad" data-testid="gate-verdict">
                  Gate fails
                </span>
              )}
            </p>
            <ul className="gate-items">
              {gate.items.map((item) => (
                <li key={item.key} className={`gate-item ${item.state}`} data-testid={`gate-item-${item.key}`}>
                  <h3>
                    <span className={`badge ${STATE_CLASS[item.state]}`}>{STATE_TEXT[item.state]}</span> {item.label}
                  </h3>
                  <p>{item.reason}</p>
                  {item.failure && <p className="field-hint">Original failure: {item.failure}</p>}
                  {item.state === "failed" && item.overridable && canOverride && (
                    <details>
                      <summary>Override with a written reason</summary>
                      <ActionForm
                        action={overrideAction}
                        submitLabel="Override this item"
                        pendingLabel="Saving…"
                        buttonClass="danger"
                        label={`Override ${item.label}`}
                      >
                        <input type="hidden" name="articleId" value={article.id} />
                        <input type="hidden" name="revisionId" value={revision.id} />
                        <input type="hidden" name="item" value={item.key} />
                        <Field name="reason" label="Reason (kept in the audit log)" textarea rows={2} />
                      </ActionForm>
                    </details>
                  )}
                  {item.state === "failed" && !item.overridable && (
                    <p className="field-hint">This item cannot be overridden.</p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Publish</h2>
        {s.schedule && (
          <div className="notice info" data-testid="schedule-info">
            Scheduled for <time dateTime={s.schedule.at.toISOString()}>{fmt(s.schedule.at)}</time> by{" "}
            {s.schedule.byName}.
            <ActionForm
              action={cancelScheduleAction}
              submitLabel="Cancel the schedule"
              buttonClass="secondary"
              label="Cancel the schedule"
            >
              <input type="hidden" name="articleId" value={article.id} />
            </ActionForm>
          </div>
        )}
        <div className="inline-forms">
          {revision && may.publish.ok ? (
            <ActionForm
              action={publishAction}
              submitLabel="Publish now"
              pendingLabel="Publishing…"
              successMessage="Published."
              label="Publish now"
            >
              <input type="hidden" name="articleId" value={article.id} />
              <input type="hidden" name="revisionId" value={revision.id} />
            </ActionForm>
          ) : (
            <p className="empty" data-testid="publish-unavailable">
              Publishing is not possible now: {may.publish.ok ? "" : may.publish.reason}
            </p>
          )}
          {revision && may.schedule.ok && (
            <ScheduleForm action={scheduleAction} articleId={article.id} revisionId={revision.id} />
          )}
        </div>
        {may.unpublish.ok && can(actor, "article.unpublish") && (
          <details>
            <summary>Unpublish (take the live page down)</summary>
            <ActionForm action={unpublishAction} submitLabel="Unpublish" buttonClass="danger" label="Unpublish">
              <input type="hidden" name="articleId" value={article.id} />
              <Field name="reason" label="Reason (kept in the audit log)" textarea rows={2} />
            </ActionForm>
          </details>
        )}
        {may.archive.ok && (
          <details>
            <summary>Archive</summary>
            <ActionForm action={archiveAction} submitLabel="Archive" buttonClass="danger" label="Archive">
              <input type="hidden" name="articleId" value={article.id} />
              <Field name="reason" label="Reason (optional)" />
            </ActionForm>
          </details>
        )}
        {may.restore.ok && (
          <ActionForm
            action={restoreAction}
            submitLabel="Restore to draft"
            buttonClass="secondary"
            label="Restore to draft"
          >
            <input type="hidden" name="articleId" value={article.id} />
          </ActionForm>
        )}
      </section>

      {can(actor, "review.assign") && <AssignmentPanel articleId={article.id} />}

      <section className="panel" aria-labelledby="dates-heading">
        <h2 id="dates-heading">Dates and history</h2>
        <dl className="meta">
          <dt>First published</dt>
          <dd>{s.dates.firstPublishedAt ? fmt(s.dates.firstPublishedAt) : "—"}</dd>
          <dt>Last published</dt>
          <dd>{s.dates.lastPublishedAt ? fmt(s.dates.lastPublishedAt) : "—"}</dd>
          <dt>Medical re-review due</dt>
          <dd>{s.dates.reviewDueAt ? fmt(s.dates.reviewDueAt) : "—"}</dd>
        </dl>
        <UpdateHistory history={s.trail.history} />
      </section>
    </>
  );
}
