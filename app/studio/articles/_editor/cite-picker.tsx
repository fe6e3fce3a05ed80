"use client";
// The toolbar's "Cite" (and Ctrl/⌘+Alt+R): a dialog listing the article's sources with a search box. Enter or a
// click inserts a citation at the caret and gives the text its focus back; Escape closes it the same way. A new
// source can be added by DOI or PMID (looked up, added and cited in one go); when the look-up finds nothing, or
// for a plain web address, the reference form beside the text opens with what was pasted already filled in.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { EditorReference } from "@/lib/drafts/load-editor-state";
import { api, errorText } from "@/components/studio/json-api";
import { lookupFailedNextStep, parseIdentifier } from "@/lib/references/parse-identifier";

/** Sources whose title, authors, journal, year, DOI or PMID contain every word of the query. */
export function matchReferences(references: EditorReference[], query: string): EditorReference[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return references;
  return references.filter((r) => {
    const text = [r.title, r.authors, r.containerTitle, r.year ?? "", r.doi ?? "", r.pmid ?? ""]
      .join(" ")
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function CitePicker({
  articleId,
  references,
  numbers,
  onCite,
  onClose,
  onReferencesChange,
  onEnterByHand,
}: {
  articleId: string;
  references: EditorReference[];
  numbers: Map<string, number>;
  /** Inserts a citation of this source at the caret (and focuses the text). */
  onCite: (key: string) => void;
  /** Closes without citing (the text gets its focus back). */
  onClose: () => void;
  onReferencesChange: (refs: EditorReference[]) => void;
  /** Opens the reference form beside the text with what was pasted, and why the look-up did not do it. */
  onEnterByHand: (identifier: string, reason: string) => void;
}) {
  const ids = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [identifier, setIdentifier] = useState("");
  const [adding, setAdding] = useState<{ busy: boolean; error: string }>({ busy: false, error: "" });
  const sorted = useMemo(
    () => [...references].sort((a, b) => (numbers.get(a.key) ?? 1e9) - (numbers.get(b.key) ?? 1e9)),
    [references, numbers],
  );
  const shown = matchReferences(sorted, query);
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control (Close): the search box is where the person goes on typing.
    searchRef.current?.focus();
  }, []);

  const choose = (ref: EditorReference | undefined) => {
    if (!ref) return;
    onCite(ref.key);
  };

  async function addAndCite() {
    const pasted = identifier.trim();
    if (!pasted) {
      setAdding({ busy: false, error: "Paste a DOI, PMID or web address first." });
      return;
    }
    if (!parseIdentifier(pasted)) {
      // A web page has no registry to ask: its title and authors are entered by hand.
      onEnterByHand(pasted, "A web address is not looked up: enter the page's title and authors below.");
      return;
    }
    setAdding({ busy: true, error: "" });
    try {
      const found = await api<{ fields: Record<string, string | number | null> }>("/api/references/lookup", "POST", {
        identifier: pasted,
      });
      if (!found.ok) {
        setAdding({
          busy: false,
          error: `${errorText(found.body.error, ["identifier"], "The look-up failed.").replace(/\.?$/, ".")} ${lookupFailedNextStep(pasted).replace(" below", "")}`,
        });
        return;
      }
      const fields = found.body.fields;
      const saved = await api<{ references: EditorReference[] }>(
        `/api/studio/articles/${articleId}/references`,
        "POST",
        {
          ...fields,
          year: fields.year === null || fields.year === undefined ? "" : String(fields.year),
        },
      );
      if (!saved.ok) {
        setAdding({ busy: false, error: errorText(saved.body.error, [], "The source could not be added.") });
        return;
      }
      const before = new Set(references.map((r) => r.id));
      const added = saved.body.references.find((r) => !before.has(r.id));
      onReferencesChange(saved.body.references);
      if (added) onCite(added.key);
      else setAdding({ busy: false, error: "" });
    } catch {
      setAdding({ busy: false, error: "The server could not be reached. Try again." });
    }
  }

  const optionId = (i: number) => `${ids}-option-${i}`;
  return (
    <dialog
      ref={dialogRef}
      className="cite-picker"
      aria-labelledby={`${ids}-title`}
      data-testid="cite-picker"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="cite-picker-head">
        <h2 id={`${ids}-title`}>Cite a source</h2>
        <button type="button" className="secondary small" onClick={onClose}>
          Close
        </button>
      </div>
      <label htmlFor={`${ids}-search`}>Search this article’s sources</label>
      <input
        id={`${ids}-search`}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown.length ? optionId(activeIndex) : undefined}
        aria-describedby={`${ids}-hint`}
        ref={searchRef}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            if (shown.length) setActive((activeIndex + (e.key === "ArrowDown" ? 1 : -1) + shown.length) % shown.length);
          } else if (e.key === "Enter") {
            e.preventDefault();
            choose(shown[activeIndex]);
          } else if (e.key === "Escape") {
            // A search box's own Escape clears it; here Escape means "back to the text", as the hint says.
            e.preventDefault();
            onClose();
          }
        }}
      />
      <p id={`${ids}-hint`} className="field-hint">
        Up and down arrows choose, Enter cites at the caret, Escape goes back to the text.
      </p>
      {references.length === 0 ? (
        <p className="empty">This article has no sources yet: add one by its DOI or PMID below.</p>
      ) : shown.length === 0 ? (
        <p className="empty" role="status">
          No source matches “{query}”.
        </p>
      ) : null}
      <ul id={`${ids}-list`} role="listbox" aria-label="Sources" className="cite-options">
        {shown.map((ref, i) => {
          const n = numbers.get(ref.key);
          return (
            <li
              key={ref.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? "is-active" : undefined}
              onMouseDown={(e) => e.preventDefault() /* keep the focus in the search box */}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(ref)}
            >
              <span className="ref-number" aria-hidden="true">
                {n ? `[${n}]` : "—"}
              </span>
              <span>
                <span className="ref-title">{ref.title}</span>
                <span className="ref-meta">
                  {" "}
                  {[ref.authors, ref.containerTitle, ref.year].filter(Boolean).join(" · ") || "No details yet"}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      <form
        className="cite-add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void addAndCite();
        }}
      >
        <label htmlFor={`${ids}-identifier`}>Add a source by DOI, PMID or web address</label>
        <div className="row">
          <input
            id={`${ids}-identifier`}
            type="text"
            value={identifier}
            placeholder="10.1016/… or 21288096"
            aria-invalid={adding.error ? true : undefined}
            aria-describedby={adding.error ? `${ids}-identifier-error` : undefined}
            onChange={(e) => setIdentifier(e.target.value)}
          />
          <button type="submit" className="secondary" disabled={adding.busy}>
            {adding.busy ? "Looking up…" : "Add and cite"}
          </button>
        </div>
        {adding.error && (
          <div id={`${ids}-identifier-error`} className="field-error" role="alert">
            <p>{adding.error}</p>
            <button
              type="button"
              className="secondary small"
              onClick={() => onEnterByHand(identifier.trim(), adding.error)}
            >
              Enter the details by hand
            </button>
          </div>
        )}
      </form>
    </dialog>
  );
}
