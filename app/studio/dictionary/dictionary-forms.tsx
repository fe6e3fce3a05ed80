"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/app/_server/action";
import { addWordAction, removeWordAction } from "./actions";
import { ConfirmStep } from "@/components/studio/confirm-step";
import { ActionForm } from "@/components/studio/action-form";
import { errorText } from "@/components/studio/json-api";

type Result = ActionResult<{ word: string }> | null;

export function AddWordForm() {
  const [word, setWord] = useState("");
  const [state, formAction, pending] = useActionState<Result, FormData>(async (_prev, form) => {
    const result = await addWordAction(form);
    if (result.ok) setWord("");
    return result;
  }, null);
  const error = state && !state.ok ? errorText(state, ["word"], "The word was not saved.") : null;
  return (
    <form action={formAction} aria-labelledby="add-word-heading" noValidate>
      <h2 id="add-word-heading">Add a word</h2>
      {state?.ok && (
        <p className="notice ok" role="status">
          Added “{state.data.word}”. The spelling check accepts it from now on.
        </p>
      )}
      <label htmlFor="dictionary-word">Word</label>
      <input
        id="dictionary-word"
        name="word"
        type="text"
        autoComplete="off"
        value={word}
        onChange={(e) => setWord(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby="dictionary-word-hint dictionary-word-error"
      />
      <p className="field-hint" id="dictionary-word-hint">
        One word; case does not matter. Plurals and possessives of it are accepted too.
      </p>
      {error && (
        <p className="field-error" id="dictionary-word-error" role="alert">
          {error}
        </p>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add word"}
        </button>
      </p>
    </form>
  );
}

export function RemoveWordButton({ word }: { word: string }) {
  return (
    <ConfirmStep
      trigger="Remove…"
      tone="secondary"
      label={`Remove “${word}”`}
      question={
        <>
          Remove <strong>{word}</strong> from the dictionary? The spelling check flags it again in every draft.
        </>
      }
    >
      <ActionForm
        action={removeWordAction}
        submitLabel="Remove the word"
        pendingLabel="Removing…"
        buttonClass="danger"
        label={`Confirm: remove “${word}”`}
      >
        <input type="hidden" name="word" value={word} />
      </ActionForm>
    </ConfirmStep>
  );
}
