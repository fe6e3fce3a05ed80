"use client";
// "Suggest an edit": the reviewer selects a passage of the revision's text, then proposes its replacement
// (lib/review/suggested-edits.ts). The writer accepts or rejects it in the editor. Lists the suggestions
// made on this article with what became of them.
import { useEffect, useState } from "react";
import { ActionForm, Field } from "@/components/studio/action-form";
import type { SuggestionView } from "@/lib/review/suggested-edits";
import { suggestEditAction } from "./suggest-actions";

/** The selected text when it lies within one block of the revision's text, else "". */
function selectedPassage(): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return "";
  const block = (node: Node | null) =>
    (node instanceof Element ? node : node?.parentElement)?.closest("[data-testid=review-block] .block-content");
  const start = block(selection.anchorNode);
  if (!start || start !== block(selection.focusNode)) return "";
  return selection.toString().trim();
}

export function SuggestEditPanel({
  articleId,
  revisionId,
  canSuggest,
  suggestions,
}: {
  articleId: string;
  revisionId: string;
  canSuggest: boolean;
  suggestions: SuggestionView[];
}) {
  const [selected, setSelected] = useState("");
  const [passage, setPassage] = useState<string | null>(null);
  useEffect(() => {
    if (!canSuggest) return;
    const update = () => setSelected(selectedPassage());
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [canSuggest]);

  if (!canSuggest && suggestions.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="suggest-heading" data-testid="suggest-edit-panel">
      <h2 id="suggest-heading">Suggested edits</h2>
      {canSuggest &&
        (passage === null ? (
          <>
            <p className="field-hint">
              Select a passage in one paragraph of the text, then propose the wording you would use instead. The writer
              accepts or rejects it.
            </p>
            <button
              type="button"
              disabled={!selected}
              // Keeps the selection when the button is pressed with the mouse.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setPassage(selected)}
            >
              Suggest an edit
            </button>
          </>
        ) : (
          <ActionForm
            action={suggestEditAction}
            submitLabel="Suggest"
            pendingLabel="Suggesting…"
            label="Suggest an edit"
            testId="suggest-form"
            onSuccess={() => setPassage(null)}
          >
            <input type="hidden" name="articleId" value={articleId} />
            <input type="hidden" name="revisionId" value={revisionId} />
            <input type="hidden" name="original" value={passage} />
            <p className="suggestion-change">
              Replace: <del>{passage}</del>
            </p>
            <Field name="replacement" label="With" textarea rows={3} defaultValue={passage} />
            <button type="button" className="link-button" onClick={() => setPassage(null)}>
              Cancel
            </button>
          </ActionForm>
        ))}
      {suggestions.length > 0 && (
        <ul className="suggestion-list" data-testid="suggestion-list">
          {suggestions.map((s) => (
            <li key={s.id} data-status={s.status}>
              <del>{s.original}</del> {s.replacement ? <ins>{s.replacement}</ins> : <em>(delete)</em>}
              <span className="field-hint">
                {" "}
                — {s.authorName}, {s.status === "OPEN" ? "open" : s.status === "ACCEPTED" ? "accepted" : "rejected"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
