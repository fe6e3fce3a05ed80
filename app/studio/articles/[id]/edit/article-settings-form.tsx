"use client";
// The article's citation style and audience. A plain form post (works without JavaScript); with it, the
// outcome shows inline and the page's data refreshes (the editor's checks use the new audience at once).
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { CITATION_STYLES, type CitationStyle } from "@/lib/references/citation-styles";
import { AUDIENCE_LABELS, READABILITY_TARGETS, type Audience } from "@/lib/checks/audience";
import { articleSettingsAction } from "./actions";

type State = Awaited<ReturnType<typeof articleSettingsAction>> | null;

export function ArticleSettingsForm({
  articleId,
  citationStyle,
  audience,
  isLive,
}: {
  articleId: string;
  citationStyle: CitationStyle;
  audience: Audience;
  isLive: boolean;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await articleSettingsAction(form);
    if (result.ok) router.refresh();
    return result;
  }, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.join(" ") : undefined);
  return (
    <form action={formAction} className="article-settings-form" aria-labelledby="article-settings-heading">
      <h3 id="article-settings-heading">Audience and citation style</h3>
      <input type="hidden" name="articleId" value={articleId} />
      <div className="field">
        <label htmlFor="article-citation-style">Citation style</label>
        <select
          id="article-citation-style"
          name="citationStyle"
          defaultValue={citationStyle}
          aria-describedby="article-citation-style-hint"
          aria-invalid={fieldError("citationStyle") ? true : undefined}
        >
          {(Object.keys(CITATION_STYLES) as CitationStyle[]).map((id) => (
            <option key={id} value={id}>
              {CITATION_STYLES[id].label} — {CITATION_STYLES[id].description}
            </option>
          ))}
        </select>
        <p id="article-citation-style-hint" className="field-hint">
          How the reference list is written on the public page and in the preview.
          {isLive ? " The live page changes as soon as you save." : " Applied when the article is published."}
        </p>
      </div>
      <div className="field">
        <label htmlFor="article-audience">Written for</label>
        <select
          id="article-audience"
          name="audience"
          defaultValue={audience}
          aria-describedby="article-audience-hint"
          aria-invalid={fieldError("audience") ? true : undefined}
        >
          {(Object.keys(AUDIENCE_LABELS) as Audience[]).map((id) => (
            <option key={id} value={id}>
              {AUDIENCE_LABELS[id]} (reading grade up to {READABILITY_TARGETS[id]})
            </option>
          ))}
        </select>
        <p id="article-audience-hint" className="field-hint">
          Sets the readability target of the content checks (Flesch–Kincaid grade; advisory).
        </p>
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
      {state && !state.ok && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      {state?.ok && (
        <p className="field-hint" role="status" data-testid="article-settings-saved">
          Settings saved: {CITATION_STYLES[state.data.citationStyle].label} references, written for{" "}
          {AUDIENCE_LABELS[state.data.audience].toLowerCase()}.
          {state.data.liveReformatted ? " The live page now uses this style." : ""}
        </p>
      )}
    </form>
  );
}
