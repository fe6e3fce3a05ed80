"use client";
// The workspace header's next step for the viewer (lib/workspace/primary-action.ts decides it): Submit or
// Resubmit (a small form in the header, so it is reachable from every tab, the Edit tab included), a link to
// the decision or the publish panel, or who is being waited for; with what the step still needs in words.
// On the Edit tab it re-reads the header after each save, so "Submit needs: …" follows the text, and it has the
// editor send its last keystrokes before submitting.
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { ActionForm, Field } from "@/components/studio/action-form";
import { flushPendingEdits, onDraftSaved } from "@/components/studio/draft-events";
import type { WorkspaceHeader } from "@/lib/workspace/primary-action";
import { submitAction, withdrawAction } from "./workspace-actions";

export function WorkspaceAction({ articleId, initial }: { articleId: string; initial: WorkspaceHeader }) {
  const [header, setHeader] = useState(initial);
  const pending = useRef<AbortController | null>(null);

  const refresh = useCallback(async () => {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    try {
      const res = await fetch(`/api/studio/articles/${articleId}/workspace`, {
        cache: "no-store",
        signal: controller.signal,
      });
      if (res.ok) setHeader(((await res.json()) as { header: WorkspaceHeader }).header);
    } catch {
      // Offline or aborted: the header keeps what it last knew; the server decides on submit anyway.
    }
  }, [articleId]);

  useEffect(() => {
    const off = onDraftSaved(articleId, () => void refresh());
    return () => {
      off();
      pending.current?.abort();
    };
  }, [articleId, refresh]);

  const p = header.primary;
  const base = `/studio/articles/${articleId}`;
  return (
    <div className="ws-action" data-testid="primary-action" data-kind={p?.kind ?? "none"}>
      {p?.kind === "submit" && p.ready && <SubmitForm articleId={articleId} label={p.label} resubmit={p.resubmit} />}
      {p && p.kind !== "wait" && !p.ready && (
        <button type="button" aria-disabled="true" aria-describedby="ws-action-needs" data-testid="primary-unavailable">
          {p.label}
        </button>
      )}
      {p?.kind === "decide" && p.ready && (
        <Link className="button" href={`${base}/review#decision-panel`}>
          {p.label}
        </Link>
      )}
      {(p?.kind === "publish" || p?.kind === "restore") && p.ready && (
        <Link className="button" href={`${base}/publish`}>
          {p.label}
        </Link>
      )}
      {header.canWithdraw && (
        <ActionForm
          action={withdrawAction}
          submitLabel="Withdraw from review"
          pendingLabel="Withdrawing…"
          buttonClass="secondary"
          label="Withdraw from review"
          className="ws-withdraw"
        >
          <input type="hidden" name="articleId" value={articleId} />
        </ActionForm>
      )}
      {p && (p.needs.length > 0 || p.note) && (
        <p id="ws-action-needs" className="ws-needs" data-testid="primary-needs" aria-live="polite">
          {p.needs.length > 0 && (
            <>
              {p.kind === "submit" ? (p.resubmit ? "Resubmitting" : "Submitting") : p.label.replace(/…$/, "")} needs:{" "}
              {p.needs.join(", ")}.
            </>
          )}
          {p.needs.length > 0 && p.note && " "}
          {p.note}
        </p>
      )}
    </div>
  );
}

function SubmitForm({ articleId, label, resubmit }: { articleId: string; label: string; resubmit: boolean }) {
  return (
    <details className="ws-submit" data-testid="submit-details">
      <summary className="button">{label}…</summary>
      <div className="ws-popover">
        <ActionForm
          action={submitAction}
          submitLabel={label}
          pendingLabel="Submitting… (running checks)"
          label={label}
          testId="submit-form"
          beforeSubmit={async () =>
            (await flushPendingEdits())
              ? null
              : "Your latest changes are not saved yet, so nothing was submitted. Try again once they are saved."
          }
        >
          <input type="hidden" name="articleId" value={articleId} />
          <Field
            name="changeSummary"
            label={resubmit ? "What changed since the reviewer's request" : "What changed"}
            textarea
            rows={2}
            hint={
              resubmit
                ? "For the reviewer, e.g. “Qualified the prevalence figure; added a source.”"
                : "For the reviewer, e.g. “Added treatment options; updated references.”"
            }
          />
          <label className="checkbox">
            <input type="checkbox" name="changeSummaryPublic" aria-describedby="ws-public-note-hint" /> Show this note
            in the public update history
          </label>
          <p className="field-hint" id="ws-public-note-hint">
            Unticked, it stays internal and readers see a neutral entry (“Updated.”) when this version is published.
          </p>
        </ActionForm>
      </div>
    </details>
  );
}
