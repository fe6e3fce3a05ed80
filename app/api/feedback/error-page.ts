// The page a reader without JavaScript sees when their answer was not accepted: what went wrong, field by
// field, and the same form again holding what they typed, so nothing is lost. Plain HTML built here (route
// handlers cannot render React); every value is escaped.
import type { ErrorBody } from "@/app/_server/errors";
import { FEEDBACK_LIMITS, FEEDBACK_REASONS, FEEDBACK_REASON_LABELS, HONEYPOT_FIELD } from "@/lib/feedback/reasons";

const esc = (v: unknown) =>
  String(v ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/** Where a reader goes back to: the public article page, at the feedback section. */
export function articleFeedbackPath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

const FIELD_LABELS: Record<string, string> = {
  helpful: "Was this article helpful?",
  reason: "What was wrong",
  comment: "Comment",
  email: "E-mail",
  consent: "Consent",
  articleId: "Article",
  revisionId: "Article version",
};

export function renderFeedbackErrorPage(error: ErrorBody, fields: Record<string, unknown>): string {
  const str = (k: string) => (typeof fields[k] === "string" ? (fields[k] as string) : "");
  const slug = SLUG.test(str("slug")) ? str("slug") : "";
  const back = slug ? `${articleFeedbackPath(slug)}#feedback` : "/";
  const fe = error.fieldErrors ?? {};
  const errorFor = (k: string) =>
    fe[k]?.length ? `<p class="field-error" id="fb-${k}-error">${fe[k].map(esc).join(" ")}</p>` : "";
  const describedBy = (k: string) => (fe[k]?.length ? ` aria-describedby="fb-${k}-error" aria-invalid="true"` : "");
  const helpful = str("helpful");
  const reason = str("reason");
  const consent = ["on", "yes", "true", "1"].includes(str("consent"));
  // Errors about the form itself (ids) cannot be fixed by the reader: offer the way back instead of the form.
  const canRetry = error.code === "VALIDATION" || error.code === "PAYLOAD_TOO_LARGE" || error.code === "RATE_LIMITED";
  const list = Object.entries(fe)
    .filter(([k]) => k in FIELD_LABELS)
    .map(([k, msgs]) => `<li><a href="#fb-${esc(k)}">${esc(FIELD_LABELS[k])}</a>: ${msgs.map(esc).join(" ")}</li>`)
    .join("");

  const form = `
<form method="post" action="/api/feedback" class="feedback-form" id="feedback">
  <input type="hidden" name="articleId" value="${esc(str("articleId"))}">
  <input type="hidden" name="revisionId" value="${esc(str("revisionId"))}">
  <input type="hidden" name="slug" value="${esc(slug)}">
  <div class="hp" aria-hidden="true"><label for="fb-${HONEYPOT_FIELD}">Leave this empty</label><input id="fb-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></div>
  <fieldset id="fb-helpful"${describedBy("helpful")}>
    <legend>Was this article helpful?</legend>
    <label class="checkbox"><input type="radio" name="helpful" value="yes" required${helpful === "yes" ? " checked" : ""}> Yes</label>
    <label class="checkbox"><input type="radio" name="helpful" value="no"${helpful === "no" ? " checked" : ""}> No</label>
    ${errorFor("helpful")}
  </fieldset>
  <fieldset id="fb-reason"${describedBy("reason")}>
    <legend>If not, what was wrong?</legend>
    ${FEEDBACK_REASONS.map((r) => `<label class="checkbox"><input type="radio" name="reason" value="${r}"${reason === r ? " checked" : ""}> ${esc(FEEDBACK_REASON_LABELS[r])}</label>`).join("\n    ")}
    ${errorFor("reason")}
  </fieldset>
  <label for="fb-comment">Comment (optional)</label>
  <textarea id="fb-comment" name="comment" maxlength="${FEEDBACK_LIMITS.commentMax}" rows="5"${describedBy("comment")}>${esc(str("comment"))}</textarea>
  <p class="field-hint">Up to ${FEEDBACK_LIMITS.commentMax.toLocaleString("en")} characters. Please do not include personal health details.</p>
  ${errorFor("comment")}
  <label for="fb-email">E-mail (optional, only if you want a reply)</label>
  <input id="fb-email" name="email" type="email" maxlength="${FEEDBACK_LIMITS.emailMax}" autocomplete="email" value="${esc(str("email"))}"${describedBy("email")}>
  ${errorFor("email")}
  <label class="checkbox" id="fb-consent"><input type="checkbox" name="consent"${consent ? " checked" : ""}${describedBy("consent")}> You may use this address to reply to me about this feedback.</label>
  ${errorFor("consent")}
  <p><button type="submit">Send feedback</button></p>
</form>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Your feedback was not sent · Imprimatur</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;line-height:1.55;margin:0;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem}
a{color:#0a5a8a}:focus-visible{outline:3px solid #f5b400;outline-offset:2px}
.notice{border:1px solid #a12622;background:#fdecea;color:#a12622;border-radius:6px;padding:.75rem 1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}.checkbox{display:flex;gap:.5rem;align-items:center;font-weight:400}
fieldset{border:1px solid #d5dbe1;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}legend{font-weight:600}
textarea,input[type=email]{font:inherit;width:100%;padding:.5rem .6rem;border:1px solid #8a96a3;border-radius:6px}
[aria-invalid=true]{border-color:#a12622}.field-error{color:#a12622;font-size:.9rem}.field-hint{color:#4a5360;font-size:.9rem}
button{font:inherit;font-weight:600;border-radius:6px;border:1px solid #0b5c7a;background:#0b5c7a;color:#fff;padding:.5rem 1rem;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
</style>
</head>
<body>
<main id="main">
<h1>Your feedback was not sent</h1>
<div class="notice" role="alert" id="feedback-error">
<p>${esc(error.message)}</p>
${list ? `<ul>${list}</ul>` : ""}
</div>
${canRetry ? form : ""}
<p><a href="${esc(back)}">Back to the article</a></p>
</main>
</body>
</html>`;
}
