"use client";
// The fixed questionnaire. A plain form post through useActionState: without JavaScript the page is rendered
// again with the outcome (and what was typed, when something needs fixing).
import { useActionState } from "react";
import {
  LAY_QUESTIONS,
  READING_EASE,
  READING_EASE_LABELS,
  UNDERSTANDABLE,
  UNDERSTANDABLE_LABELS,
} from "@/lib/lay-review/lay-review-questions";
import { submitLayReviewAction, type LayReviewFormState } from "./actions";

export function LayReviewForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<LayReviewFormState, FormData>(submitLayReviewAction, {});
  const v = state.values ?? {};
  const err = (name: string) => state.fieldErrors?.[name]?.join(" ");
  const textarea = (name: "missing" | "worrying" | "comments", label: string) => (
    <p className="field">
      <label htmlFor={`lay-${name}`}>{label}</label>
      <textarea
        id={`lay-${name}`}
        name={name}
        rows={4}
        defaultValue={v[name] ?? ""}
        aria-invalid={err(name) ? true : undefined}
        aria-describedby={err(name) ? `lay-${name}-error` : undefined}
      />
      {err(name) && (
        <span className="field-error" id={`lay-${name}-error`}>
          {err(name)}
        </span>
      )}
    </p>
  );
  return (
    <form action={formAction} className="pub-lay-form" aria-labelledby="lay-questions-heading">
      <h2 id="lay-questions-heading">Your answers</h2>
      {state.message && (
        <p className="notice error" role="alert" data-testid="lay-review-error">
          {state.message}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <fieldset className="field" aria-describedby={err("understandable") ? "lay-understandable-error" : undefined}>
        <legend>{LAY_QUESTIONS.understandable}</legend>
        {UNDERSTANDABLE.map((u) => (
          <label key={u} className="checkbox">
            <input type="radio" name="understandable" value={u} defaultChecked={v.understandable === u} />{" "}
            {UNDERSTANDABLE_LABELS[u]}
          </label>
        ))}
        {err("understandable") && (
          <span className="field-error" id="lay-understandable-error">
            {err("understandable")}
          </span>
        )}
      </fieldset>
      {textarea("missing", LAY_QUESTIONS.missing)}
      {textarea("worrying", LAY_QUESTIONS.worrying)}
      <fieldset className="field" aria-describedby={err("readingEase") ? "lay-readingEase-error" : undefined}>
        <legend>{LAY_QUESTIONS.readingEase}</legend>
        {READING_EASE.map((r) => (
          <label key={r} className="checkbox">
            <input type="radio" name="readingEase" value={r} defaultChecked={v.readingEase === r} />{" "}
            {READING_EASE_LABELS[r]}
          </label>
        ))}
        {err("readingEase") && (
          <span className="field-error" id="lay-readingEase-error">
            {err("readingEase")}
          </span>
        )}
      </fieldset>
      <p className="field">
        <label className="checkbox">
          <input type="checkbox" name="livedExperience" defaultChecked={v.livedExperience === "on"} />{" "}
          {LAY_QUESTIONS.livedExperience}
        </label>
      </p>
      {textarea("comments", LAY_QUESTIONS.comments)}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send my answers"}
        </button>
      </p>
      <p className="field-hint">Your answers can be sent once. We do not publish your name or address.</p>
    </form>
  );
}
