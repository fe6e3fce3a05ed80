// Editors' panel on the publish screen: the article's clinical area and approval requirement, who is
// assigned to review it (with due dates, overdue highlighted), and assigning more reviewers.
import { db } from "@/lib/db/client";
import { loadAssignmentPanel } from "@/lib/assignments/load-assignment-panel";
import { ActionForm, Field } from "@/components/studio/action-form";
import { ConfirmStep } from "@/components/studio/confirm-step";
import {
  articleReviewSettingsAction,
  assignReviewersAction,
  unassignReviewerAction,
} from "../../../assignments/actions";

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function AssignmentPanel({ articleId }: { articleId: string }) {
  const p = await loadAssignmentPanel(db, articleId);
  return (
    <section className="panel" aria-labelledby="assign-heading" data-testid="assignments">
      <h2 id="assign-heading">Review assignments</h2>
      <ActionForm
        action={articleReviewSettingsAction}
        submitLabel="Save review settings"
        buttonClass="secondary"
        label="Review settings"
        successMessage="Saved."
      >
        <input type="hidden" name="articleId" value={articleId} />
        <Field
          name="clinicalAreaId"
          label="Clinical area"
          defaultValue={p.areaId ?? ""}
          options={[{ value: "", label: "Not set" }, ...p.areas.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <Field
          name="requiredApprovals"
          label="Approvals needed"
          defaultValue={String(p.requiredApprovals)}
          options={[
            { value: "1", label: "One medical approval" },
            { value: "2", label: "Two independent approvals (high-risk content, e.g. dosages)" },
          ]}
        />
      </ActionForm>

      <h3>Assigned reviewers</h3>
      {p.assignments.length === 0 ? (
        <p className="empty">Nobody is assigned: any eligible reviewer may claim this review.</p>
      ) : (
        <ul className="assignment-list">
          {p.assignments.map((a) => (
            <li key={a.reviewerId} className={a.overdue ? "overdue" : undefined} data-testid="assignment">
              <strong>{a.reviewerName}</strong> — assigned by {a.assignedBy};{" "}
              {a.completedAt ? (
                <>decided {day(a.completedAt)}</>
              ) : (
                <>
                  due <time dateTime={a.dueAt.toISOString()}>{day(a.dueAt)}</time>
                  {a.overdue && <strong className="badge bad"> Overdue</strong>}
                </>
              )}
              {!a.completedAt && (
                <ConfirmStep
                  trigger="Remove…"
                  tone="secondary"
                  label={`Remove ${a.reviewerName}`}
                  question={
                    <>
                      Remove <strong>{a.reviewerName}</strong> from this review? It leaves their queue&rsquo;s
                      &ldquo;Assigned to you&rdquo;; with nobody assigned, any eligible reviewer may claim it.
                    </>
                  }
                >
                  <ActionForm
                    action={unassignReviewerAction}
                    submitLabel="Remove the reviewer"
                    pendingLabel="Removing…"
                    buttonClass="danger"
                    label={`Confirm: remove ${a.reviewerName}`}
                  >
                    <input type="hidden" name="articleId" value={articleId} />
                    <input type="hidden" name="reviewerId" value={a.reviewerId} />
                  </ActionForm>
                </ConfirmStep>
              )}
            </li>
          ))}
        </ul>
      )}

      {p.candidates.length === 0 ? (
        <p className="empty">
          No other reviewer can be assigned: assignable reviewers hold a verified, unexpired credential that lists{" "}
          {p.languageName} and did not write or edit this article.
        </p>
      ) : (
        <ActionForm
          action={assignReviewersAction}
          submitLabel="Assign"
          pendingLabel="Assigning…"
          label="Assign reviewers"
          successMessage="Assigned. The reviewer was told by inbox and e-mail."
        >
          <input type="hidden" name="articleId" value={articleId} />
          <fieldset>
            <legend>Reviewers who may be assigned{p.areaId ? " (this article's clinical area first)" : ""}</legend>
            {p.candidates.map((r) => (
              <p key={r.id} className="checkbox-field">
                <input type="checkbox" id={`assign-${r.id}`} name="reviewerIds" value={r.id} />{" "}
                <label htmlFor={`assign-${r.id}`}>
                  {r.name}
                  {r.specialtyNames.length > 0 && ` — ${r.specialtyNames.join(", ")}`} ({r.openAssignments} open review
                  {r.openAssignments === 1 ? "" : "s"}){r.inArea && " · in this area"}
                </label>
              </p>
            ))}
          </fieldset>
        </ActionForm>
      )}
    </section>
  );
}
