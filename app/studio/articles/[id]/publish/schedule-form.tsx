"use client";
// Schedule form: the editor picks a local date and time; it is sent as an absolute instant (ISO with Z) so
// the server never guesses the editor's time zone.
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/app/_server/action";
import { errorText } from "@/components/studio/json-api";

export function ScheduleForm({
  action,
  articleId,
  revisionId,
  label = "Schedule publication",
  submitLabel = "Schedule",
}: {
  action: (input: { articleId: string; revisionId: string; publishAt: string }) => Promise<ActionResult<unknown>>;
  articleId: string;
  revisionId: string;
  /** The form's accessible name (several can share a page, e.g. the calendar). */
  label?: string;
  submitLabel?: string;
}) {
  const id = useId();
  const [value, setValue] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const error = result && !result.ok ? errorText(result, ["publishAt"], "The publication was not scheduled.") : null;
  return (
    <form
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const d = value ? new Date(value) : null;
        const publishAt = d && !Number.isNaN(d.getTime()) ? d.toISOString() : "";
        start(async () => {
          const r = await action({ articleId, revisionId, publishAt });
          setResult(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <label htmlFor={`${id}-publish-at`}>Publish at (your local time)</label>
      <input
        id={`${id}-publish-at`}
        type="datetime-local"
        step="1"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-publish-at-error` : undefined}
      />
      {error && (
        <p className="field-error" id={`${id}-publish-at-error`} role="alert">
          {error}
        </p>
      )}
      {result?.ok && (
        <p className="notice ok" role="status">
          Scheduled.
        </p>
      )}
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Scheduling…" : submitLabel}
      </button>
    </form>
  );
}
