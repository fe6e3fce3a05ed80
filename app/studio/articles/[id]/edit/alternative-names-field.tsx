"use client";
// Other names readers may search for (lay terms, abbreviations): one per line, saved on their own. They go
// live with the next published revision, like the text.
import { useState, type FormEvent } from "react";
import { api } from "../../_editor/api";

export function AlternativeNamesField({ articleId, names }: { articleId: string; names: string[] }) {
  const [value, setValue] = useState(names.join("\n"));
  const [saved, setSaved] = useState(names.join("\n"));
  const [error, setError] = useState("");
  const [ok, setOk] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError("");
    setOk("");
    try {
      const r = await api<{ alternativeNames: string[]; voided: string | null }>(
        `/api/studio/articles/${articleId}/alternative-names`,
        "PUT",
        { alternativeNames: value },
      );
      if (!r.ok)
        setError(
          r.body.error?.fieldErrors?.alternativeNames?.join(" ") ??
            r.body.error?.message ??
            "The alternative names could not be saved.",
        );
      else {
        const text = r.body.alternativeNames.join("\n");
        setSaved(text);
        setValue(text);
        setOk(
          r.body.voided
            ? "Alternative names saved. The article must be submitted for review again."
            : "Alternative names saved. Readers see them once the next revision is published.",
        );
      }
    } catch {
      setError("The server could not be reached; the alternative names were not saved.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="slug-form alt-names-form" onSubmit={submit} noValidate>
      <label htmlFor="alternative-names">Alternative names</label>
      <textarea
        id="alternative-names"
        rows={3}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`alternative-names-hint${error ? " alternative-names-error" : ""}`}
      />
      <p id="alternative-names-hint" className="field-hint">
        Other names readers use for this condition (lay terms, abbreviations), one per line. Search and the A–Z list use
        them.
      </p>
      <button type="submit" className="secondary" disabled={busy || value === saved}>
        {busy ? "Saving…" : "Save alternative names"}
      </button>
      {error && (
        <p id="alternative-names-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      {ok && (
        <p className="field-hint" role="status">
          {ok}
        </p>
      )}
    </form>
  );
}
