"use client";
// The reviewers' suggested edits beside the text (lib/review/suggested-edits.ts): the writer accepts one, which
// replaces the passage in the editor as an ordinary edit (through the shared document under co-editing) and is
// recorded once the text is stored, or rejects it. Shown only when the article has suggestions.
import { useCallback, useEffect, useState } from "react";
import type { Editor } from "@tiptap/react";
import type { SuggestionView } from "@/lib/review/suggested-edits";
import { api } from "@/components/studio/json-api";
import { findPassage } from "@/lib/content/find-passage";

/** The article's suggestions, or null when they could not be read (offline: the panel keeps what it had). */
async function fetchSuggestions(articleId: string): Promise<SuggestionView[] | null> {
  try {
    const r = await api<{ suggestions: SuggestionView[] }>(`/api/studio/articles/${articleId}/suggestions`, "GET");
    return r.ok ? r.body.suggestions : null;
  } catch {
    return null;
  }
}

export function SuggestionsPanel({
  articleId,
  editor,
  store,
  disabled,
}: {
  articleId: string;
  editor: Editor | null;
  /** Stores what is typed (autosave's flush, or the co-editing server); true once stored. */
  store: () => Promise<boolean>;
  disabled: boolean;
}) {
  const [suggestions, setSuggestions] = useState<SuggestionView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ id: string; kind: "ok" | "error"; text: string } | null>(null);

  const load = useCallback(async () => {
    const list = await fetchSuggestions(articleId);
    if (list) setSuggestions(list);
  }, [articleId]);
  useEffect(() => {
    let cancelled = false;
    void fetchSuggestions(articleId).then((list) => {
      if (list && !cancelled) setSuggestions(list);
    });
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  const record = async (s: SuggestionView, decision: "accept" | "reject") => {
    const r = await api<{ status: string }>(`/api/studio/articles/${articleId}/suggestions/${s.id}`, "POST", {
      decision,
    });
    if (!r.ok) {
      setMessage({ id: s.id, kind: "error", text: r.body.error?.message ?? "The decision was not recorded." });
      return;
    }
    setMessage({
      id: s.id,
      kind: "ok",
      text: decision === "accept" ? "Accepted: the text is changed." : "Rejected: the text stays as it is.",
    });
    await load();
  };

  const accept = async (s: SuggestionView) => {
    if (!editor) return;
    setMessage(null);
    const range = findPassage(editor.state.doc, s.original);
    if (!range) {
      setMessage({
        id: s.id,
        kind: "error",
        text: "That passage is no longer in the text as the reviewer read it: change it by hand, or reject the suggestion.",
      });
      return;
    }
    setBusy(s.id);
    try {
      editor
        .chain()
        .focus()
        .command(({ tr }) => {
          if (s.replacement) tr.insertText(s.replacement, range.from, range.to);
          else tr.delete(range.from, range.to);
          return true;
        })
        .run();
      if (!(await store())) {
        setMessage({
          id: s.id,
          kind: "error",
          text: "The change is in the text but not saved yet, so the suggestion is still open. Accept again once it is saved.",
        });
        return;
      }
      await record(s, "accept");
    } catch {
      setMessage({ id: s.id, kind: "error", text: "The server could not be reached; the suggestion is still open." });
    } finally {
      setBusy(null);
    }
  };

  const reject = async (s: SuggestionView) => {
    setMessage(null);
    setBusy(s.id);
    try {
      await record(s, "reject");
    } catch {
      setMessage({ id: s.id, kind: "error", text: "The server could not be reached; the suggestion is still open." });
    } finally {
      setBusy(null);
    }
  };

  if (!suggestions || suggestions.length === 0) return null;
  const open = suggestions.filter((s) => s.status === "OPEN");
  const decided = suggestions.filter((s) => s.status !== "OPEN");
  return (
    <section className="panel suggestions-panel" aria-labelledby="suggestions-heading" data-testid="suggestions-panel">
      <h2 id="suggestions-heading">Suggested edits ({open.length} open)</h2>
      {open.length === 0 && <p className="empty">Every suggestion has been answered.</p>}
      <ul className="suggestion-list">
        {open.map((s) => (
          <li key={s.id} data-testid="suggestion">
            <p className="field-hint">{s.authorName} suggests:</p>
            <p className="suggestion-change">
              <del>{s.original}</del> {s.replacement ? <ins>{s.replacement}</ins> : <em>(delete it)</em>}
            </p>
            <div className="row">
              <button type="button" disabled={disabled || busy !== null} onClick={() => void accept(s)}>
                Accept
              </button>
              <button type="button" className="secondary" disabled={busy !== null} onClick={() => void reject(s)}>
                Reject
              </button>
            </div>
            {message?.id === s.id && message.kind === "error" && (
              <p className="field-error" role="alert">
                {message.text}
              </p>
            )}
          </li>
        ))}
      </ul>
      {message && message.kind === "ok" && (
        <p className="notice ok" role="status" data-testid="suggestion-message">
          {message.text}
        </p>
      )}
      {decided.length > 0 && (
        <details>
          <summary>Answered ({decided.length})</summary>
          <ul className="suggestion-list">
            {decided.map((s) => (
              <li key={s.id} data-testid="suggestion-decided" data-status={s.status}>
                <del>{s.original}</del> {s.replacement && <ins>{s.replacement}</ins>} —{" "}
                {s.status === "ACCEPTED" ? "accepted" : "rejected"}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
