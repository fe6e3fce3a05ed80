// "Was this article helpful?" for the public article page: a plain HTML form, rendered on the server with no
// client component, that posts to /api/feedback and works without JavaScript (the route answers with a
// redirect to #feedback-thanks, shown by CSS :target, or with an error page holding what was typed).
//
// With JavaScript, the island script public/islands/feedback.js (a few KiB, no framework; readers' pages ship
// no React runtime, see lib/page-cache/strip-next-runtime.ts) enhances it in place: the reasons appear once
// "No" is chosen, the answer is sent as JSON, errors show beside their fields with every value kept, and the
// thank-you is announced in the one status region below (#feedback-thanks), which also serves the no-JS
// redirect, so it is never in the page twice.
import { FEEDBACK_LIMITS, FEEDBACK_REASONS, HONEYPOT_FIELD } from "@/lib/feedback/reasons";
import { formatNumber } from "@/lib/i18n/format";
import type { ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";
import "./feedback.css";

export interface FeedbackFormProps {
  articleId: string;
  /** The live revision the reader is looking at. */
  revisionId: string;
  articleSlug: string;
  /** The page's language: the form's labels (the answer itself is stored the same in every language). */
  locale?: ReaderLocale;
}

export function FeedbackForm({ articleId, revisionId, articleSlug, locale = "en" }: FeedbackFormProps) {
  const m = readerMessages(locale).feedback;
  return (
    <section className="feedback" aria-labelledby="feedback-heading" id="feedback">
      <h2 id="feedback-heading">{m.heading}</h2>
      {/* The thank-you: shown by CSS when the no-JS redirect lands on #feedback-thanks; the island fills it in. */}
      <div id="feedback-thanks" className="feedback-thanks notice ok" role="status" tabIndex={-1}>
        <p>{m.thanks}</p>
      </div>
      <form method="post" action="/api/feedback" className="feedback-form" data-feedback-form="">
        <div
          className="notice error"
          role="alert"
          tabIndex={-1}
          data-feedback-error=""
          data-testid="feedback-error"
          hidden
        >
          <p />
        </div>
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="revisionId" value={revisionId} />
        <input type="hidden" name="slug" value={articleSlug} />
        <div className="feedback-hp" aria-hidden="true">
          <label htmlFor={`fb-${HONEYPOT_FIELD}`}>{m.leaveEmpty}</label>
          <input
            id={`fb-${HONEYPOT_FIELD}`}
            name={HONEYPOT_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
        <fieldset data-field="helpful">
          <legend>{m.answer}</legend>
          <label className="checkbox">
            <input type="radio" name="helpful" value="yes" required /> {m.yes}
          </label>
          <label className="checkbox">
            <input type="radio" name="helpful" value="no" /> {m.no}
          </label>
        </fieldset>
        {/* Without JavaScript every field shows; the island hides the reasons until "No" is chosen. */}
        <div data-feedback-reasons="">
          <fieldset data-field="reason">
            <legend>{m.whatWasWrong}</legend>
            {FEEDBACK_REASONS.map((r) => (
              <label className="checkbox" key={r}>
                <input type="radio" name="reason" value={r} /> {m.reasons[r]}
              </label>
            ))}
          </fieldset>
        </div>
        <label htmlFor="fb-comment">{m.comment}</label>
        <textarea
          id="fb-comment"
          name="comment"
          rows={4}
          maxLength={FEEDBACK_LIMITS.commentMax}
          aria-describedby="fb-comment-hint"
          data-field="comment"
        />
        <p className="field-hint" id="fb-comment-hint">
          {m.commentHint(formatNumber(FEEDBACK_LIMITS.commentMax, locale))}
        </p>
        <label htmlFor="fb-email">{m.email}</label>
        <input
          id="fb-email"
          name="email"
          type="email"
          maxLength={FEEDBACK_LIMITS.emailMax}
          autoComplete="email"
          data-field="email"
        />
        <label className="checkbox">
          <input type="checkbox" name="consent" data-field="consent" /> {m.consent}
        </label>
        <p>
          <button type="submit">{m.send}</button>
        </p>
      </form>
      <script src="/islands/feedback.js" defer data-island="" />
    </section>
  );
}
