import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import { isAppError } from "@/lib/errors";
import { loadPublishScreen } from "@/lib/publishing/publish-screen";
import { requirePermission } from "@/app/_server/session";
import { ActionForm, Field } from "@/components/studio/action-form";
import { ConfirmStep } from "@/components/studio/confirm-step";
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
import type { GateItemKey } from "@/lib/gate/evaluate-gate";
import { AssignmentPanel } from "./assignment-panel";
import { ArticleWorkspaceHeader } from "../workspace-header";

export const metadata: Metadata = { title: "Publish" };

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
const STATE_TEXT = { passed: "Passed", failed: "Failed", overridden: "Overridden" } as const;
const STATE_CLASS = { passed: "ok", failed: "bad", overridden: "warn" } as const;

/** Where the evidence behind each gate item is, for this article and revision. */
function evidence(key: GateItemKey, articleId: string, revisionId: string): { href: string; label: string } {
  const base = `/studio/articles/${articleId}`;
  switch (key) {
    case "approval":
      return { href: `${base}/review#decisions-heading`, label: "See the decisions" };
    case "citations":
      return { href: `${base}/edit`, label: "See the references in the editor" };
    case "sources":
      return { href: `${base}/review#sources-${revisionId}`, label: "See the source status" };
    case "plagiarism":
      return { href: `${base}/plagiarism`, label: "See the plagiarism report" };
    case "feedback":
      return { href: `/studio/feedback/articles/${articleId}`, label: "See the reader reports" };
    case "contentChecks":
      return { href: `${base}/review#checks-heading`, label: "See the content check findings" };
    case "images":
      return { href: `${base}/edit#images-heading`, label: "See the images" };
    case "layReview":
      return { href: `${base}/review#lay-reviews-heading`, label: "See the lay reviews" };
  }
}

/** "2 changed blocks and 1 reference change", or "no change to the text". */
function changeWords(c: { blocks: number; fields: number; references: number }): string {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? "" : "s"}`;
  const parts = [
    c.fields && n(c.fields, "changed field"),
    c.blocks && n(c.blocks, "changed block"),
    c.references && n(c.references, "reference change"),
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(", ") : "no change to the text";
}

export default async function PublishPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ published?: string }>;
}) {
  const { id } = await params;
  const { published } = await searchParams;
  const actor = await requirePermission("article.publish", `/studio/articles/${id}/publish`);
  let s: Awaited<ReturnType<typeof loadPublishScreen>>;
  try {
    s = await loadPublishScreen(db, actor, id);
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  const { article, ctx, gate, revision, may, goesLive } = s;
  const canOverride = can(actor, "gate.override");
  const justPublished = published !== undefined && ctx.isLive && article.liveRevisionId === revision?.id;
  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={article.id} current="publish" />
      {ctx.isLive && (
        <p>
          <Link href={`/articles/${article.slug}`}>Public page</Link>
        </p>
      )}

      {justPublished && revision && (
        <div className="notice ok published-notice" role="status" data-testid="published-notice">
          <strong>Revision {revision.number} is live.</strong>{" "}
          <Link href={`/articles/${article.slug}`}>Open the public page</Link>
        </div>
      )}

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
              {gate.items.map((item) => {
                // A pass that still asks for someone (a link that does not answer, a source not checked yet)
                // is amber, with what to do, not a green "Passed".
                const amber =
                  item.state !== "passed"
                    ? null
                    : item.needsAttention
                      ? { state: "needs-attention", badge: "Needs attention" }
                      : item.notCheckedYet
                        ? { state: "not-checked", badge: "Not checked yet" }
                        : null;
                const proof = evidence(item.key, article.id, revision.id);
                return (
                  <li
                    key={item.key}
                    className={`gate-item ${amber ? "amber" : item.state}`}
                    data-testid={`gate-item-${item.key}`}
                    data-state={amber ? amber.state : item.state}
                  >
                    <h3>
                      <span className={`badge ${amber ? "warn" : STATE_CLASS[item.state]}`}>
                        {amber ? amber.badge : STATE_TEXT[item.state]}
                      </span>{" "}
                      {item.label}
                    </h3>
                    <p>{item.reason}</p>
                    {amber && item.needsAttention && <p className="notice warn">{item.needsAttention}</p>}
                    {amber && item.notCheckedYet && <p className="notice warn">{item.notCheckedYet}</p>}
                    <p className="gate-evidence">
                      <Link href={proof.href}>{proof.label}</Link>
                    </p>
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
                );
              })}
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
          {revision && goesLive && may.publish.ok ? (
            // Confirming is a second, deliberate step that says exactly what goes live (the studio's one confirm step).
            <ConfirmStep
              trigger="Publish now…"
              tone="primary"
              label="Publish now"
              testId="confirm-publish"
              question={
                <>
                  <p>
                    <strong>This goes live on the public page:</strong>
                  </p>
                  <ul>
                    <li>
                      Title: <strong>{goesLive.title}</strong>
                    </li>
                    <li>Revision {goesLive.revisionNumber}</li>
                    <li>Medically reviewed by {goesLive.reviewer ?? "no one yet"}</li>
                    <li>
                      {goesLive.sinceLive ? (
                        <>
                          Since the live revision {goesLive.sinceLive.number}: {changeWords(goesLive.sinceLive)} (
                          <Link
                            href={`/studio/articles/${article.id}/history/diff?from=${goesLive.sinceLive.id}&to=${revision.id}`}
                          >
                            compare
                          </Link>
                          )
                        </>
                      ) : ctx.isLive ? (
                        "It is the live revision already."
                      ) : (
                        "First publication: nothing is live yet."
                      )}
                    </li>
                    {goesLive.changeSummary && <li>What changed, for readers: “{goesLive.changeSummary}”</li>}
                  </ul>
                </>
              }
            >
              <ActionForm
                action={publishAction}
                submitLabel={`Publish revision ${revision.number} now`}
                pendingLabel="Publishing…"
                redirectTo={`/studio/articles/${article.id}/publish?published=${revision.number}`}
                label="Confirm: publish now"
              >
                <input type="hidden" name="articleId" value={article.id} />
                <input type="hidden" name="revisionId" value={revision.id} />
              </ActionForm>
            </ConfirmStep>
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
          <ConfirmStep
            trigger="Unpublish…"
            label="Unpublish"
            question="Take the live page down? Readers and search engines can no longer reach it; the article and its history stay in the studio."
          >
            <ActionForm
              action={unpublishAction}
              submitLabel="Unpublish the page"
              pendingLabel="Unpublishing…"
              buttonClass="danger"
              label="Confirm: unpublish"
            >
              <input type="hidden" name="articleId" value={article.id} />
              <Field name="reason" label="Reason (kept in the audit log)" textarea rows={2} />
            </ActionForm>
          </ConfirmStep>
        )}
        {may.archive.ok && (
          <ConfirmStep
            trigger="Archive…"
            tone="secondary"
            label="Archive"
            question="Archive this article? It is set aside, no longer worked on; an editor can restore it to a draft later."
          >
            <ActionForm
              action={archiveAction}
              submitLabel="Archive the article"
              pendingLabel="Archiving…"
              buttonClass="danger"
              label="Confirm: archive"
            >
              <input type="hidden" name="articleId" value={article.id} />
              <Field name="reason" label="Reason (optional)" />
            </ActionForm>
          </ConfirmStep>
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

      {can(actor, "evidence.read") && revision ? (
        <section className="panel" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">Evidence pack</h2>
          <p>
            One ZIP for assessors, readable offline: the {article.liveRevisionId ? "live" : "latest"} revision, its
            approval and credential, funding, declarations of interest and lay reviews, checks, sources, reader feedback
            and the audit history with its verification. Each download is recorded in the audit log with its SHA-256.
          </p>
          <p className="button-row">
            <a className="button" href={`/api/studio/articles/${article.id}/evidence-pack`} download>
              Download evidence pack
            </a>
            <Link href="/studio/standards">Standards report</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
