"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/app/_server/action";
import { addCorpusDocumentAction, deleteCorpusDocumentAction } from "./actions";

type Result = ActionResult<{ id: string; title?: string; wordCount?: number }> | null;
// Server actions accept bodies up to 1 MB; bigger sources go through `npm run corpus:import`.
const MAX_UPLOAD_BYTES = 900 * 1024;

function FieldError({ result, field }: { result: Result; field: string }) {
  if (!result || result.ok || !result.fieldErrors?.[field]) return null;
  return (
    <p className="field-error" id={`corpus-${field}-error`}>
      {result.fieldErrors[field].join(" ")}
    </p>
  );
}

export function AddCorpusDocumentForm() {
  // Controlled fields: a refused submission keeps everything that was typed.
  const [values, setValues] = useState({ title: "", url: "", text: "" });
  const [fileError, setFileError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [state, formAction, pending] = useActionState<Result, FormData>(async (_prev, form) => {
    const file = form.get("file");
    if (file instanceof File && file.size > MAX_UPLOAD_BYTES) {
      return { ok: false, code: "PAYLOAD_TOO_LARGE", message: "That file is larger than 900 KB.", fieldErrors: { file: ["Files added here can be up to 900 KB; import larger ones with npm run corpus:import."] } };
    }
    const result = await addCorpusDocumentAction(form);
    if (result.ok) {
      setValues({ title: "", url: "", text: "" });
      setFormKey((k) => k + 1); // clears the file input
    }
    return result;
  }, null);
  const invalid = (f: string) => (state && !state.ok && state.fieldErrors?.[f] ? true : undefined);
  return (
    <form key={formKey} action={formAction} aria-labelledby="add-corpus-heading" noValidate>
      <h2 id="add-corpus-heading">Add a source</h2>
      {state && !state.ok && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state?.ok && (
        <p className="notice ok" role="status">
          Added “{state.data.title}” ({state.data.wordCount} words). New submissions are checked against it.
        </p>
      )}
      <label htmlFor="corpus-title">Title</label>
      <input id="corpus-title" name="title" type="text" value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} aria-invalid={invalid("title")} aria-describedby="corpus-title-error" />
      <FieldError result={state} field="title" />
      <label htmlFor="corpus-url">Address (optional)</label>
      <input id="corpus-url" name="url" type="url" inputMode="url" placeholder="https://" value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} aria-invalid={invalid("url")} aria-describedby="corpus-url-error" />
      <FieldError result={state} field="url" />
      <label htmlFor="corpus-text">Text</label>
      <textarea id="corpus-text" name="text" rows={8} value={values.text} onChange={(e) => setValues({ ...values, text: e.target.value })} aria-invalid={invalid("text")} aria-describedby="corpus-text-hint corpus-text-error" />
      <p className="field-hint" id="corpus-text-hint">
        Paste the source&apos;s text, or upload a file below instead.
      </p>
      <FieldError result={state} field="text" />
      <label htmlFor="corpus-file">File (.txt, .md or .html, up to 900 KB)</label>
      <input
        id="corpus-file"
        name="file"
        type="file"
        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
        aria-invalid={invalid("file") ?? (fileError ? true : undefined)}
        aria-describedby="corpus-file-error"
        onChange={(e) => {
          const f = e.target.files?.[0];
          setFileError(f && f.size > MAX_UPLOAD_BYTES ? "That file is larger than 900 KB; import it with npm run corpus:import." : null);
        }}
      />
      {fileError && <p className="field-error">{fileError}</p>}
      <FieldError result={state} field="file" />
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add to corpus"}
        </button>
      </p>
    </form>
  );
}

export function DeleteCorpusDocumentButton({ id, title }: { id: string; title: string }) {
  const [state, formAction, pending] = useActionState<Result, FormData>((_prev, form) => deleteCorpusDocumentAction(form), null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary" disabled={pending} aria-label={`Remove “${title}” from the corpus`}>
        {pending ? "Removing…" : "Remove"}
      </button>
      {state && !state.ok && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
