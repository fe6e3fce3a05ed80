"use client";
// The article's address (slug): generated from the title at creation, editable until first publication.
import { useState, type FormEvent } from "react";
import { api } from "../../_editor/api";

export function SlugField({ articleId, slug, locked }: { articleId: string; slug: string; locked: boolean }) {
  const [value, setValue] = useState(slug);
  const [saved, setSaved] = useState(slug);
  const [error, setError] = useState("");
  const [ok, setOk] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError("");
    setOk("");
    try {
      const r = await api<{ slug: string }>(`/api/studio/articles/${articleId}/slug`, "PUT", { slug: value });
      if (!r.ok)
        setError(
          r.body.error?.fieldErrors?.slug?.join(" ") ??
            r.body.error?.fieldErrors?._form?.join(" ") ??
            r.body.error?.message ??
            "The address could not be changed.",
        );
      else {
        setSaved(r.body.slug);
        setValue(r.body.slug);
        setOk("Address saved.");
      }
    } catch {
      setError("The server could not be reached; the address was not changed.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="slug-form" onSubmit={submit} noValidate>
      <label htmlFor="article-slug">Address</label>
      <div className="row">
        <span className="slug-prefix" aria-hidden="true">
          /articles/
        </span>
        <input
          id="article-slug"
          type="text"
          value={value}
          disabled={locked}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`article-slug-hint${error ? " article-slug-error" : ""}`}
        />
        {!locked && (
          <button type="submit" className="secondary" disabled={busy || value === saved}>
            Change address
          </button>
        )}
      </div>
      <p id="article-slug-hint" className="field-hint">
        {locked
          ? "Published articles keep their address."
          : "Lowercase letters, digits and hyphens. It can change until the article is first published."}
      </p>
      {error && (
        <p id="article-slug-error" className="field-error" role="alert">
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
