"use client";
// Restore works as a plain form post without JavaScript; with it, the result (or the refusal) shows inline.
import { useActionState } from "react";
import { restoreRevisionAction } from "./actions";

type State = Awaited<ReturnType<typeof restoreRevisionAction>> | null;

export function RestoreButton({
  articleId,
  revisionId,
  number,
}: {
  articleId: string;
  revisionId: string;
  number: number;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_prev, form) => restoreRevisionAction(form),
    null,
  );
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <button
        type="submit"
        className="secondary small"
        disabled={pending}
        aria-label={`Restore revision ${number} as the working draft`}
      >
        {pending ? "Restoring…" : "Restore"}
      </button>
      {state && !state.ok && (
        <span className="field-error" role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
