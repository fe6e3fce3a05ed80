"use client";

import type { ActionResult } from "@/app/_server/action";
import { ActionForm, Field, FieldErrors } from "@/components/studio/action-form";
import { ConfirmStep } from "@/components/studio/confirm-step";
import { addCorpusDocumentAction, deleteCorpusDocumentAction } from "./actions";

// Server actions accept bodies up to 1 MB; bigger sources go through `npm run corpus:import`.
const MAX_UPLOAD_BYTES = 900 * 1024;

function tooLargeFile(form: FormData): ActionResult<unknown> | null {
  const file = form.get("file");
  if (!(file instanceof File) || file.size <= MAX_UPLOAD_BYTES) return null;
  return {
    ok: false,
    code: "PAYLOAD_TOO_LARGE",
    message: "That file is larger than 900 KB.",
    fieldErrors: { file: ["Files added here can be up to 900 KB; import larger ones with npm run corpus:import."] },
  };
}

function addedMessage(data: unknown): string {
  const { title, wordCount } = data as { title?: string; wordCount?: number };
  return `Added “${title}” (${wordCount} words). New submissions are checked against it.`;
}

/** Uncontrolled fields in the shared ActionForm: a refused submission keeps everything that was typed. */
export function AddCorpusDocumentForm() {
  return (
    <ActionForm
      action={addCorpusDocumentAction}
      validate={tooLargeFile}
      submitLabel="Add to corpus"
      pendingLabel="Adding…"
      successMessage={addedMessage}
      resetOnSuccess
      label="Add a source"
    >
      <h2>Add a source</h2>
      <Field name="title" label="Title" />
      <Field
        name="url"
        label="Address (optional)"
        type="url"
        hint="An http:// or https:// address of the source, if it has one."
      />
      <Field
        name="text"
        label="Text"
        textarea
        rows={8}
        hint="Paste the source's text, or upload a file below instead."
      />
      <div className="field">
        <label htmlFor="corpus-file">File (.txt, .md or .html, up to 900 KB)</label>
        <input
          id="corpus-file"
          name="file"
          type="file"
          accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
        />
        <FieldErrors name="file" />
      </div>
    </ActionForm>
  );
}

export function DeleteCorpusDocumentButton({ id, title }: { id: string; title: string }) {
  return (
    <ConfirmStep
      trigger="Remove…"
      tone="secondary"
      label={`Remove “${title}” from the corpus`}
      question={
        <>
          Remove <strong>{title}</strong> from the plagiarism corpus? Checks from now on no longer compare drafts with
          it.
        </>
      }
    >
      <ActionForm
        action={deleteCorpusDocumentAction}
        submitLabel="Remove the document"
        pendingLabel="Removing…"
        buttonClass="danger"
        label={`Confirm: remove “${title}” from the corpus`}
      >
        <input type="hidden" name="id" value={id} />
      </ActionForm>
    </ConfirmStep>
  );
}
