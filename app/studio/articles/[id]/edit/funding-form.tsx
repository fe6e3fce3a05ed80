"use client";
// Who funded or sponsored the article (or nobody). Reviewers whose declarations name one of these
// organisations cannot approve it without an editor's override; readers see it as "Funding: …" once published.
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { describeFunding, type ArticleFunding, type FundingSource } from "@/lib/declarations/article-funding";
import { articleFundingAction } from "./funding-actions";

type State = Awaited<ReturnType<typeof articleFundingAction>> | null;
const ROWS = 3;

export function FundingForm({ articleId, funding }: { articleId: string; funding: ArticleFunding }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await articleFundingAction(form);
    if (result.ok) router.refresh();
    return result;
  }, null);
  const sources: Array<FundingSource | null> = Array.from(
    { length: ROWS },
    (_, i) => (funding && !funding.none ? funding.sources[i] : null) ?? null,
  );
  const error = state && !state.ok ? state.fieldErrors?.sources?.join(" ") || state.message : null;
  return (
    <form action={formAction} className="article-settings-form" aria-labelledby="funding-heading">
      <h3 id="funding-heading">Funding and sponsorship</h3>
      <input type="hidden" name="articleId" value={articleId} />
      <p className="field-hint">
        Now: <span data-testid="funding-now">{funding ? describeFunding(funding) : "not recorded yet"}</span> Readers
        see it from the next publication.
      </p>
      {/* Keyed by what is saved: after a save (React resets an action's form) and the refresh, the fields show
          the saved values, not the ones the page was first rendered with. */}
      <div key={JSON.stringify(funding)}>
        <fieldset className="field">
          <legend>Was the article funded or sponsored?</legend>
          <label className="checkbox">
            <input type="radio" name="none" value="yes" defaultChecked={funding?.none === true} /> No funding or
            sponsorship
          </label>
          <label className="checkbox">
            <input type="radio" name="none" value="no" defaultChecked={funding?.none !== true} /> Yes, by the
            organisations below
          </label>
        </fieldset>
        {sources.map((s, i) => (
          <fieldset key={i} className="field funding-row">
            <legend>Organisation {i + 1}</legend>
            <label htmlFor={`funding-relation-${i}`}>Role</label>
            <select id={`funding-relation-${i}`} name={`relation${i}`} defaultValue={s?.relation ?? "funder"}>
              <option value="funder">Funder</option>
              <option value="sponsor">Sponsor</option>
            </select>
            <label htmlFor={`funding-name-${i}`}>Name</label>
            <input id={`funding-name-${i}`} name={`name${i}`} defaultValue={s?.name ?? ""} />
            <label htmlFor={`funding-detail-${i}`}>What they gave or did (optional)</label>
            <input id={`funding-detail-${i}`} name={`detail${i}`} defaultValue={s?.detail ?? ""} />
          </fieldset>
        ))}
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save funding"}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {state?.ok && (
        <p className="field-hint" role="status" data-testid="funding-saved">
          Saved: {describeFunding(state.data.funding)}
        </p>
      )}
    </form>
  );
}
