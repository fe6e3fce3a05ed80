"use client";
// The triage buttons of one report. Each is a small form bound to a server action; errors appear beside the
// form, and what was typed (the dismissal reason, the chosen revision) stays until it succeeds.
import { useActionState, useId, useState } from "react";
import type { ActionResult } from "@/app/_server/action";
import { acknowledgeFeedbackAction, dismissFeedbackAction, resolveFeedbackAction } from "./actions";

type Result = ActionResult<unknown> | null;

function Problem({ state, field, id }: { state: Result; field?: string; id: string }) {
  if (!state || state.ok) return null;
  const messages = field ? state.fieldErrors?.[field] : undefined;
  if (field)
    return messages ? (
      <p className="field-error" id={id}>
        {messages.join(" ")}
      </p>
    ) : null;
  return (
    <p className="notice error" role="alert">
      {state.message}
    </p>
  );
}

export interface FixCandidate {
  id: string;
  number: number;
  label: string;
}

export function TriageControls({
  feedbackId,
  status,
  candidates,
}: {
  feedbackId: string;
  status: string;
  candidates: FixCandidate[];
}) {
  const uid = useId();
  // Controlled, because React resets uncontrolled fields after a form action: a refused dismissal must keep
  // the reason that was typed.
  const [revisionId, setRevisionId] = useState("");
  const [reason, setReason] = useState("");
  const [ackState, ack, acking] = useActionState<Result, FormData>((_p, f) => acknowledgeFeedbackAction(f), null);
  const [resState, resolve, resolving] = useActionState<Result, FormData>((_p, f) => resolveFeedbackAction(f), null);
  const [disState, dismiss, dismissing] = useActionState<Result, FormData>((_p, f) => dismissFeedbackAction(f), null);
  if (status !== "NEW" && status !== "ACKNOWLEDGED") return null;
  const resInvalid = !!(resState && !resState.ok && resState.fieldErrors?.revisionId);
  const disInvalid = !!(disState && !disState.ok && disState.fieldErrors?.reason);

  return (
    <div className="triage-controls">
      {status === "NEW" && (
        <form action={ack}>
          <input type="hidden" name="feedbackId" value={feedbackId} />
          <button type="submit" className="secondary" disabled={acking}>
            {acking ? "Acknowledging…" : "Acknowledge"}
          </button>
          <Problem state={ackState} id={`${uid}-ack`} />
        </form>
      )}
      <form action={resolve}>
        <input type="hidden" name="feedbackId" value={feedbackId} />
        <label htmlFor={`${uid}-rev`}>Fixed by revision</label>
        {candidates.length === 0 ? (
          <p className="field-hint">No later revision yet: write and freeze the fix first, then resolve this report.</p>
        ) : (
          <div className="inline-fields">
            <select
              id={`${uid}-rev`}
              name="revisionId"
              value={revisionId}
              onChange={(e) => setRevisionId(e.target.value)}
              aria-invalid={resInvalid || undefined}
              aria-describedby={`${uid}-rev-error`}
            >
              <option value="" disabled>
                Choose a revision…
              </option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
            <button type="submit" disabled={resolving}>
              {resolving ? "Resolving…" : "Resolve"}
            </button>
          </div>
        )}
        <Problem state={resState} field="revisionId" id={`${uid}-rev-error`} />
        {resState && !resState.ok && !resState.fieldErrors?.revisionId && (
          <Problem state={resState} id={`${uid}-res`} />
        )}
      </form>
      <form action={dismiss}>
        <input type="hidden" name="feedbackId" value={feedbackId} />
        <label htmlFor={`${uid}-why`}>Reason to dismiss</label>
        <div className="inline-fields">
          <input
            id={`${uid}-why`}
            name="reason"
            type="text"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={disInvalid || undefined}
            aria-describedby={`${uid}-why-error`}
          />
          <button type="submit" className="secondary" disabled={dismissing}>
            {dismissing ? "Dismissing…" : "Dismiss"}
          </button>
        </div>
        <Problem state={disState} field="reason" id={`${uid}-why-error`} />
        {disState && !disState.ok && !disState.fieldErrors?.reason && <Problem state={disState} id={`${uid}-dis`} />}
      </form>
    </div>
  );
}
