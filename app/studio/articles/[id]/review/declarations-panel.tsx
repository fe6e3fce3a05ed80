// The review screen's conflicts of interest and lay reviews. A reviewer sees whether a declared conflict holds
// their approval and can declare one on this article; an editor sees every held conflict with an override
// form (written reason, audited) and invites lay readers (only they see the addresses they invited); everyone
// who may read the article sees the lay readers' answers on this revision.
import Link from "next/link";
import { db } from "@/lib/db/client";
import { can, type Actor } from "@/lib/auth/policy";
import { ActionForm, Field } from "@/components/studio/action-form";
import { describeConflict, listReviewerConflicts, type ApprovalConflict } from "@/lib/declarations/approval-conflicts";
import { listLayInvites, listLayReviews } from "@/lib/lay-review/list-lay-reviews";
import {
  LAY_QUESTIONS,
  READING_EASE_LABELS,
  UNDERSTANDABLE_LABELS,
  type ReadingEase,
  type Understandable,
} from "@/lib/lay-review/lay-review-questions";
import { declareArticleInterestAction, inviteLayReviewerAction, overrideConflictAction } from "./declarations-actions";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The reviewer's own conflict on the current revision (shown above the decision). */
export function OwnConflictNotice({ conflict }: { conflict: ApprovalConflict | null }) {
  if (!conflict) return null;
  if (conflict.override)
    return (
      <p className="notice info" data-testid="conflict-overridden">
        You {describeConflict(conflict)}. {conflict.override.byName} allowed you to approve this revision: “
        {conflict.override.reason}”
      </p>
    );
  return (
    <p className="notice warn" data-testid="conflict-held">
      You {describeConflict(conflict)}, so you cannot approve it unless an editor gives a written override. You can
      still request changes or comment. Your declarations are on{" "}
      <Link href="/studio/declarations">your declarations page</Link>.
    </p>
  );
}

export function DeclareInterestForm({ articleId }: { articleId: string }) {
  return (
    <details className="add-comment">
      <summary>Declare a conflict of interest on this article</summary>
      <ActionForm
        action={declareArticleInterestAction}
        submitLabel="Declare the conflict"
        pendingLabel="Declaring…"
        resetOnSuccess
        buttonClass="secondary"
        label="Declare a conflict of interest"
        successMessage="Declared. An editor must override it before you can approve."
      >
        <input type="hidden" name="articleId" value={articleId} />
        <Field
          name="statement"
          label="What is the conflict?"
          textarea
          rows={3}
          hint="For example a link to a company, product or study the article discusses. Kept in the article's record."
        />
      </ActionForm>
    </details>
  );
}

export async function ConflictsPanel({ actor, articleId }: { actor: Actor; articleId: string }) {
  if (!can(actor, "conflict.override")) return null;
  const conflicts = await listReviewerConflicts(db, articleId);
  return (
    <section className="panel" aria-labelledby="conflicts-heading" data-testid="conflicts-panel">
      <h2 id="conflicts-heading">Reviewers&apos; conflicts of interest</h2>
      {!conflicts.length ? (
        <p className="empty">No reviewer has declared a conflict with this article or its funders.</p>
      ) : (
        <ul className="decisions">
          {conflicts.map((c) => (
            <li key={c.reviewerId} data-testid="reviewer-conflict">
              <p>
                <strong>{c.name}</strong> {describeConflict(c.conflict)}.
              </p>
              {c.conflict.override ? (
                <p className="field-hint">
                  <span className="badge warn">Overridden</span> by {c.conflict.override.byName} on{" "}
                  {day(c.conflict.override.createdAt)}: “{c.conflict.override.reason}”
                </p>
              ) : c.reviewerId === actor.id ? (
                <p className="field-hint">Another editor must decide on your own conflict.</p>
              ) : (
                <ActionForm
                  action={overrideConflictAction}
                  submitLabel="Allow this reviewer to approve"
                  pendingLabel="Saving…"
                  buttonClass="secondary"
                  label={`Override ${c.name}'s conflict`}
                >
                  <input type="hidden" name="articleId" value={articleId} />
                  <input type="hidden" name="revisionId" value={c.revisionId} />
                  <input type="hidden" name="reviewerId" value={c.reviewerId} />
                  <Field
                    name="reason"
                    label="Why this reviewer may approve anyway"
                    textarea
                    rows={2}
                    hint="Kept in the audit log with your name. It applies to this revision only."
                  />
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export async function LayReviewsPanel({
  actor,
  articleId,
  revision,
}: {
  actor: Actor;
  articleId: string;
  revision: { id: string; number: number };
}) {
  const mayInvite = can(actor, "layreview.invite");
  const [reviews, invites] = await Promise.all([
    listLayReviews(db, revision.id),
    mayInvite ? listLayInvites(db, articleId, actor.id) : Promise.resolve([]),
  ]);
  return (
    <section className="panel" aria-labelledby="lay-reviews-heading" data-testid="lay-reviews-panel">
      <h2 id="lay-reviews-heading">Lay reviews of revision {revision.number}</h2>
      {!reviews.length ? (
        <p className="empty">No lay reader has answered on this revision yet.</p>
      ) : (
        <ol className="lay-reviews">
          {reviews.map((r, i) => (
            <li key={r.id} data-testid="lay-review">
              <p className="comment-meta">
                <strong>Lay reader {i + 1}</strong> · {day(r.createdAt)}
                {r.livedExperience ? <span className="badge ok">Lived experience</span> : null}
              </p>
              <dl className="lay-answers">
                <dt>{LAY_QUESTIONS.understandable}</dt>
                <dd>{UNDERSTANDABLE_LABELS[r.understandable as Understandable] ?? r.understandable}</dd>
                <dt>{LAY_QUESTIONS.readingEase}</dt>
                <dd>{READING_EASE_LABELS[r.readingEase as ReadingEase] ?? r.readingEase}</dd>
                <dt>{LAY_QUESTIONS.missing}</dt>
                <dd>{r.missing || "—"}</dd>
                <dt>{LAY_QUESTIONS.worrying}</dt>
                <dd>{r.worrying || "—"}</dd>
                <dt>Other comments</dt>
                <dd>{r.comments || "—"}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
      {mayInvite && (
        <>
          <h3>Invite a lay reader</h3>
          <p className="field-hint">
            A patient, carer or member of the public reads revision {revision.number} through a link that works once,
            for 14 days, without an account. Only you see the address you enter.
          </p>
          <ActionForm
            action={inviteLayReviewerAction}
            submitLabel="Send the invitation"
            pendingLabel="Sending…"
            resetOnSuccess
            label="Invite a lay reader"
            successMessage="Invitation sent. The link works once, for 14 days."
          >
            <input type="hidden" name="articleId" value={articleId} />
            <input type="hidden" name="revisionId" value={revision.id} />
            <Field name="email" label="Reader's e-mail address" type="email" autoComplete="off" />
            <Field name="message" label="A note for them (optional)" textarea rows={2} />
          </ActionForm>
          {invites.length > 0 && (
            <>
              <h3>Your invitations</h3>
              <ul className="decisions" data-testid="lay-invites">
                {invites.map((inv) => (
                  <li key={inv.id}>
                    {inv.email} · revision {inv.revisionNumber} · sent {day(inv.createdAt)} ·{" "}
                    <span
                      className={`badge ${inv.state === "answered" ? "ok" : inv.state === "expired" ? "bad" : "warn"}`}
                    >
                      {inv.state === "answered" ? "Answered" : inv.state === "expired" ? "Expired" : "Waiting"}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
