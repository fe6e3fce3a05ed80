"use client";
import { useActionState, useState } from "react";
import { createArticleAction } from "./actions";

type State = Awaited<ReturnType<typeof createArticleAction>> | null;

export function NewArticleForm() {
  // Values are kept in state so a refused submission never clears what was typed.
  const [values, setValues] = useState({ title: "", conditionName: "", summary: "", slug: "", template: "condition" });
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_prev, form) => createArticleAction(form),
    null,
  );
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const err = (name: string) =>
    fieldErrors[name] ? (
      <p id={`new-${name}-error`} className="field-error">
        {fieldErrors[name].join(" ")}
      </p>
    ) : null;
  const described = (name: string, hint?: string) =>
    [fieldErrors[name] ? `new-${name}-error` : "", hint ?? ""].filter(Boolean).join(" ") || undefined;

  return (
    <form action={formAction} className="new-article-form" noValidate>
      {state && !state.ok && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      <label htmlFor="new-title">Title</label>
      <input
        id="new-title"
        name="title"
        type="text"
        required
        maxLength={200}
        value={values.title}
        onChange={set("title")}
        aria-invalid={fieldErrors.title ? true : undefined}
        aria-describedby={described("title")}
      />
      {err("title")}
      <label htmlFor="new-condition">Condition name</label>
      <input
        id="new-condition"
        name="conditionName"
        type="text"
        maxLength={200}
        value={values.conditionName}
        onChange={set("conditionName")}
        aria-describedby={described("conditionName")}
      />
      {err("conditionName")}
      <label htmlFor="new-summary">Summary</label>
      <textarea
        id="new-summary"
        name="summary"
        maxLength={1000}
        rows={3}
        value={values.summary}
        onChange={set("summary")}
        aria-describedby={described("summary")}
      />
      {err("summary")}
      <label htmlFor="new-slug">Address (optional)</label>
      <input
        id="new-slug"
        name="slug"
        type="text"
        maxLength={80}
        value={values.slug}
        onChange={set("slug")}
        aria-invalid={fieldErrors.slug ? true : undefined}
        aria-describedby={described("slug", "new-slug-hint")}
      />
      <p id="new-slug-hint" className="field-hint">
        Leave empty to make one from the title. Lowercase letters, digits and hyphens.
      </p>
      {err("slug")}
      <fieldset>
        <legend>Start from</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="template"
            value="condition"
            checked={values.template === "condition"}
            onChange={set("template")}
          />{" "}
          Condition article template (What is it? · Types · Causes · Symptoms · Diagnosis · Treatment · Outlook)
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="template"
            value="blank"
            checked={values.template === "blank"}
            onChange={set("template")}
          />{" "}
          Blank page
        </label>
      </fieldset>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create article"}
        </button>
      </p>
    </form>
  );
}
