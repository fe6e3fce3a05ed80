"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/app/_server/action";
import { rerunChecksAction } from "./actions";

export function RerunChecksForm({ articleId, revisionId }: { articleId: string; revisionId: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<unknown> | null, FormData>(
    (_prev, form) => rerunChecksAction(form),
    null,
  );
  return (
    <form action={formAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Running the checks…" : "Run the checks again"}
      </button>
      {state && !state.ok && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state?.ok && (
        <p className="notice ok" role="status">
          The checks ran again; the results below are the new ones.
        </p>
      )}
    </form>
  );
}
