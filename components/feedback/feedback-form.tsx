"use client";
// "Was this article helpful?" for the public article page. Server-rendered as a plain HTML form that posts to
// /api/feedback and works without JavaScript (the route answers with a redirect to #feedback-thanks, shown by
// CSS :target, or with an error page holding what was typed). With JavaScript the same form sends JSON, shows
// the thank-you or the errors in place, keeps every value, and moves focus to the result.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FEEDBACK_LIMITS, FEEDBACK_REASONS, FEEDBACK_REASON_LABELS, HONEYPOT_FIELD } from "@/lib/feedback/reasons";
import "./feedback.css";

export interface FeedbackFormProps {
  articleId: string;
  /** The live revision the reader is looking at. */
  revisionId: string;
  articleSlug: string;
}

type Status =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "sent"; message: string }
  | { kind: "error"; message: string; fieldErrors: Record<string, string[]> };

export function FeedbackForm({ articleId, revisionId, articleSlug }: FeedbackFormProps) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [helpful, setHelpful] = useState<string>("");
  const [enhanced, setEnhanced] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (status.kind === "sent" || status.kind === "error") resultRef.current?.focus();
  }, [status]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status.kind === "sending") return;
    const data = Object.fromEntries(new FormData(event.currentTarget).entries());
    setStatus({ kind: "sending" });
    try {
      const res = await fetch("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(data),
      });
      const body = (await res.json().catch(() => null)) as {
        message?: string;
        error?: { message?: string; fieldErrors?: Record<string, string[]> };
      } | null;
      if (res.ok) {
        setStatus({ kind: "sent", message: body?.message ?? "Thank you for your feedback." });
      } else {
        setStatus({
          kind: "error",
          message: body?.error?.message ?? "Your feedback could not be sent. Please try again.",
          fieldErrors: body?.error?.fieldErrors ?? {},
        });
      }
    } catch {
      setStatus({
        kind: "error",
        message: "We could not reach the server. Your answer is still here; please try again.",
        fieldErrors: {},
      });
    }
  }

  const fe = status.kind === "error" ? status.fieldErrors : {};
  const invalid = (k: string) =>
    fe[k]?.length ? { "aria-invalid": true as const, "aria-describedby": `fb-${k}-error` } : {};
  const errorFor = (k: string) =>
    fe[k]?.length ? (
      <p className="field-error" id={`fb-${k}-error`}>
        {fe[k].join(" ")}
      </p>
    ) : null;
  // Without JavaScript every field shows; with it, the reasons appear once "No" is chosen.
  const showReasons = !enhanced || helpful === "no";

  return (
    <section className="feedback" aria-labelledby="feedback-heading" id="feedback">
      <h2 id="feedback-heading">Was this article helpful?</h2>
      {/* Shown without JavaScript after the redirect to #feedback-thanks (CSS :target), hidden otherwise. */}
      <div id="feedback-thanks" className="feedback-thanks notice ok" role="status" tabIndex={-1}>
        <p>Thank you for your feedback. It helps us keep this article accurate and clear.</p>
      </div>
      {status.kind === "sent" ? (
        <div className="notice ok" role="status" tabIndex={-1} ref={resultRef} data-testid="feedback-result">
          <p>{status.message}</p>
        </div>
      ) : (
        <form
          method="post"
          action="/api/feedback"
          className="feedback-form"
          onSubmit={onSubmit}
          aria-busy={status.kind === "sending"}
        >
          {status.kind === "error" && (
            <div className="notice error" role="alert" tabIndex={-1} ref={resultRef} data-testid="feedback-error">
              <p>{status.message}</p>
            </div>
          )}
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="revisionId" value={revisionId} />
          <input type="hidden" name="slug" value={articleSlug} />
          <div className="feedback-hp" aria-hidden="true">
            <label htmlFor={`fb-${HONEYPOT_FIELD}`}>Leave this empty</label>
            <input
              id={`fb-${HONEYPOT_FIELD}`}
              name={HONEYPOT_FIELD}
              type="text"
              tabIndex={-1}
              autoComplete="off"
              defaultValue=""
            />
          </div>
          <fieldset {...invalid("helpful")}>
            <legend>Your answer</legend>
            <label className="checkbox">
              <input type="radio" name="helpful" value="yes" required onChange={() => setHelpful("yes")} /> Yes
            </label>
            <label className="checkbox">
              <input type="radio" name="helpful" value="no" onChange={() => setHelpful("no")} /> No
            </label>
            {errorFor("helpful")}
          </fieldset>
          <div hidden={!showReasons}>
            <fieldset {...invalid("reason")}>
              <legend>If not, what was wrong?</legend>
              {FEEDBACK_REASONS.map((r) => (
                <label className="checkbox" key={r}>
                  <input type="radio" name="reason" value={r} /> {FEEDBACK_REASON_LABELS[r]}
                </label>
              ))}
              {errorFor("reason")}
            </fieldset>
          </div>
          <label htmlFor="fb-comment">Comment (optional)</label>
          <textarea
            id="fb-comment"
            name="comment"
            rows={4}
            maxLength={FEEDBACK_LIMITS.commentMax}
            aria-describedby={fe.comment?.length ? "fb-comment-error fb-comment-hint" : "fb-comment-hint"}
            aria-invalid={fe.comment?.length ? true : undefined}
          />
          <p className="field-hint" id="fb-comment-hint">
            Up to {FEEDBACK_LIMITS.commentMax.toLocaleString("en")} characters. Please do not include personal health
            details.
          </p>
          {errorFor("comment")}
          <label htmlFor="fb-email">E-mail (optional, only if you want a reply)</label>
          <input
            id="fb-email"
            name="email"
            type="email"
            maxLength={FEEDBACK_LIMITS.emailMax}
            autoComplete="email"
            {...invalid("email")}
          />
          {errorFor("email")}
          <label className="checkbox">
            <input type="checkbox" name="consent" {...invalid("consent")} /> You may use this address to reply to me
            about this feedback.
          </label>
          {errorFor("consent")}
          {(fe.articleId || fe.revisionId) && (
            <p className="field-error">Please reload the article and answer again.</p>
          )}
          <p>
            <button type="submit" disabled={status.kind === "sending"}>
              {status.kind === "sending" ? (
                <>
                  <span className="spinner" aria-hidden="true" /> Sending…
                </>
              ) : (
                "Send feedback"
              )}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
