"use client";
// The declaration form: nothing to declare, or the kinds of interest, a statement and the organisations named
// (one per line). Saving makes a new declaration; the earlier ones stay in the history.
import { ActionForm, Field, FieldErrors } from "@/components/studio/action-form";
import { INTEREST_KINDS, INTEREST_KIND_LABELS, type InterestKind } from "@/lib/declarations/declaration-kinds";
import { saveDeclarationAction } from "./actions";

export function DeclarationForm({
  current,
}: {
  current: { none: boolean; kinds: InterestKind[]; statement: string; organisations: string[] } | null;
}) {
  return (
    <ActionForm
      action={saveDeclarationAction}
      submitLabel="Save a new declaration"
      pendingLabel="Saving…"
      label="Your declaration of interests"
      successMessage="Saved. It is now your current declaration; the earlier one stays in your history."
      testId="declaration-form"
    >
      <fieldset className="field">
        <legend>Do you have interests to declare?</legend>
        <label className="checkbox">
          <input type="radio" name="none" value="yes" defaultChecked={current?.none ?? false} /> I have nothing to
          declare
        </label>
        <label className="checkbox">
          <input type="radio" name="none" value="no" defaultChecked={current ? !current.none : true} /> I declare the
          interests below
        </label>
      </fieldset>
      <fieldset className="field">
        <legend>Kinds of interest</legend>
        {INTEREST_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="checkbox" name="kinds" value={k} defaultChecked={current?.kinds.includes(k)} />{" "}
            {INTEREST_KIND_LABELS[k]}
          </label>
        ))}
        <FieldErrors name="kinds" />
      </fieldset>
      <Field
        name="statement"
        label="Your statement"
        textarea
        rows={4}
        defaultValue={current?.statement}
        hint="What the interests are and since when. Readers see this on your public profile."
      />
      <Field
        name="organisations"
        label="Organisations named (one per line)"
        textarea
        rows={3}
        defaultValue={current?.organisations.join("\n")}
        hint="Companies, charities or other bodies you have an interest in. If an article is funded or sponsored by one of them, you cannot approve it without an editor's override."
      />
    </ActionForm>
  );
}
