// "Was this article helpful?" on the article page.
// PLACEHOLDER owned by the `feedback` work: replace this component's body with
//   <FeedbackForm articleId={articleId} revisionId={revisionId} articleSlug={articleSlug} />
// (components/feedback/feedback-form.tsx). The article page is cached whole, so whatever renders here must not
// read cookies, headers or search params; the thank-you after the no-JS POST is the #feedback-thanks anchor.
export interface FeedbackSlotProps {
  articleId: string;
  revisionId: string;
  articleSlug: string;
}

export function FeedbackSlot({ articleId, revisionId }: FeedbackSlotProps) {
  return (
    <section className="pub-feedback" aria-labelledby="feedback-heading" id="feedback">
      <h2 id="feedback-heading">Was this article helpful?</h2>
      <form method="post" action="/api/feedback" className="pub-feedback-form">
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="revisionId" value={revisionId} />
        <fieldset>
          <legend>Your answer</legend>
          <label className="checkbox">
            <input type="radio" name="helpful" value="yes" required /> Yes
          </label>
          <label className="checkbox">
            <input type="radio" name="helpful" value="no" /> No
          </label>
        </fieldset>
        <button type="submit">Send</button>
      </form>
    </section>
  );
}
