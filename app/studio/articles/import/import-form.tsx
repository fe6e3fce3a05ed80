"use client";
// Works as a plain multipart form post without JavaScript (the route redirects); with JavaScript it stays on
// the page to show what the importer left out or guessed before opening the editor.
import { useState, type FormEvent } from "react";
import Link from "next/link";
import type { ImportSummary } from "@/lib/import/html-to-document";
import { describeImport } from "@/lib/import/describe-import";
import { useJsonMutation } from "@/components/studio/use-json-mutation";

interface Result {
  id: string;
  editUrl: string;
  warnings: string[];
  referenceCount: number;
  /** Images of the imported page: listed, never fetched (upload them in the editor or pick them in the library). */
  images?: Array<{ src: string; alt: string }>;
  /** What the importer did with the page's sources. */
  summary: ImportSummary;
}

export function ImportForm({ initialError }: { initialError: string }) {
  const [result, setResult] = useState<Result | null>(null);
  const [sent, setSent] = useState(false);
  const mutation = useJsonMutation();
  const { busy, fieldErrors } = mutation;
  // The error the page was loaded with (a no-JavaScript post redirected back), until the first send.
  const error = sent ? mutation.error : initialError;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSent(true);
    const body = await mutation.send<Result>({
      url: "/api/studio/articles/import",
      method: "POST",
      body: new FormData(e.currentTarget),
      failed: "The import failed.",
      unreachable: "The server could not be reached. Your text is still here; try again.",
    });
    if (body) setResult(body);
  }

  if (result) {
    return (
      <section className="panel" aria-labelledby="import-done" data-testid="import-result">
        <h2 id="import-done">Imported</h2>
        <p>The article was created as a draft. What the importer did with the page’s sources:</p>
        <ul data-testid="import-summary">
          {describeImport(result.summary).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {result.warnings.length > 0 && (
          <>
            <h3>Left out or changed</h3>
            <ul>
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </>
        )}
        {result.images && result.images.length > 0 && (
          <>
            <h3>Images to add</h3>
            <p>
              The page showed these images. They were not downloaded: upload each one in the editor (Image button, drag
              and drop or paste) or pick it from the <Link href="/studio/media">media library</Link>.
            </p>
            <ul data-testid="import-images">
              {result.images.map((img, i) => (
                <li key={i}>
                  {img.alt ? `“${img.alt}”` : <em>(no alt text)</em>} — <code>{img.src || "(no address)"}</code>
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <Link className="button" href={result.editUrl}>
            Open in the editor
          </Link>
        </p>
      </section>
    );
  }

  const err = (name: string) =>
    fieldErrors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {fieldErrors[name].join(" ")}
      </p>
    ) : null;

  return (
    <form
      action="/api/studio/articles/import"
      method="post"
      encType="multipart/form-data"
      onSubmit={submit}
      className="import-form"
      noValidate
    >
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <label htmlFor="import-source">Paste HTML or Markdown</label>
      <textarea
        id="import-source"
        name="source"
        rows={14}
        aria-invalid={fieldErrors.source ? true : undefined}
        aria-describedby={fieldErrors.source ? "source-error" : undefined}
      />
      {err("source")}
      <label htmlFor="import-file">…or upload a file (.html, .htm, .md)</label>
      <input
        id="import-file"
        name="file"
        type="file"
        accept=".html,.htm,.md,.markdown,.txt,text/html,text/markdown"
        aria-describedby={fieldErrors.file ? "file-error" : undefined}
      />
      {err("file")}
      <fieldset>
        <legend>Format</legend>
        <label className="checkbox">
          <input type="radio" name="format" value="auto" defaultChecked /> Detect automatically
        </label>
        <label className="checkbox">
          <input type="radio" name="format" value="html" /> HTML
        </label>
        <label className="checkbox">
          <input type="radio" name="format" value="markdown" /> Markdown
        </label>
      </fieldset>
      <label htmlFor="import-title">Title (optional)</label>
      <input
        id="import-title"
        name="title"
        type="text"
        maxLength={200}
        aria-describedby={`import-title-hint${fieldErrors.title ? " title-error" : ""}`}
        aria-invalid={fieldErrors.title ? true : undefined}
      />
      <p id="import-title-hint" className="field-hint">
        Leave empty to use the article’s first main heading.
      </p>
      {err("title")}
      <label htmlFor="import-condition">Condition name (optional)</label>
      <input id="import-condition" name="conditionName" type="text" maxLength={200} />
      <p>
        <button type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import"}
        </button>
      </p>
    </form>
  );
}
