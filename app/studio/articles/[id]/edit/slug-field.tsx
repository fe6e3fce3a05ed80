"use client";
// The article's address (slug): generated from the title at creation, editable until first publication.
import { useState, type FormEvent } from "react";
import { useJsonMutation } from "@/components/studio/use-json-mutation";
import { FieldStatus } from "@/components/studio/field-status";

export function SlugField({ articleId, slug, locked }: { articleId: string; slug: string; locked: boolean }) {
  const [value, setValue] = useState(slug);
  const [saved, setSaved] = useState(slug);
  const [ok, setOk] = useState("");
  const { busy, error, send } = useJsonMutation();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOk("");
    const r = await send<{ slug: string }>({
      url: `/api/studio/articles/${articleId}/slug`,
      method: "PUT",
      body: { slug: value },
      fields: ["slug", "_form"],
      failed: "The address could not be changed.",
      unreachable: "The server could not be reached; the address was not changed.",
    });
    if (r) {
      setSaved(r.slug);
      setValue(r.slug);
      setOk("Address saved.");
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
      <FieldStatus errorId="article-slug-error" error={error} saved={ok} />
    </form>
  );
}
