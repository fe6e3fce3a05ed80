"use client";
// Other names readers may search for (lay terms, abbreviations): one per line, saved on their own. They go
// live with the next published revision, like the text.
import { useState, type FormEvent } from "react";
import { useJsonMutation } from "@/components/studio/use-json-mutation";
import { FieldStatus } from "@/components/studio/field-status";

export function AlternativeNamesField({ articleId, names }: { articleId: string; names: string[] }) {
  const [value, setValue] = useState(names.join("\n"));
  const [saved, setSaved] = useState(names.join("\n"));
  const [ok, setOk] = useState("");
  const { busy, error, send } = useJsonMutation();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOk("");
    const r = await send<{ alternativeNames: string[]; voided: string | null }>({
      url: `/api/studio/articles/${articleId}/alternative-names`,
      method: "PUT",
      body: { alternativeNames: value },
      fields: ["alternativeNames"],
      failed: "The alternative names could not be saved.",
      unreachable: "The server could not be reached; the alternative names were not saved.",
    });
    if (r) {
      const text = r.alternativeNames.join("\n");
      setSaved(text);
      setValue(text);
      setOk(
        r.voided
          ? "Alternative names saved. The article must be submitted for review again."
          : "Alternative names saved. Readers see them once the next revision is published.",
      );
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
      <FieldStatus errorId="alternative-names-error" error={error} saved={ok} />
    </form>
  );
}
