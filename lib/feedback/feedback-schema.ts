// What a reader may send with "Was this article helpful?". The same schema serves the plain HTML form
// (every value a string, unticked boxes absent) and the JSON body the enhanced form sends, so both paths
// validate identically.
import { z } from "zod";
import { FEEDBACK_LIMITS, FEEDBACK_REASONS, HONEYPOT_FIELD, type FeedbackReason } from "./reasons";

export { HONEYPOT_FIELD };

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Comments are stored as text and always rendered escaped; here they are only normalised: newlines unified,
// control characters (other than tab and newline) removed so nothing invisible is stored.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export function normaliseComment(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL_CHARS, "").trim();
}

const id = (what: string) =>
  z
    .string({ error: `The ${what} is missing. Please reload the article and try again.` })
    .trim()
    .min(1, { error: `The ${what} is missing. Please reload the article and try again.` })
    .max(FEEDBACK_LIMITS.idMax, { error: `The ${what} is not valid.` })
    .regex(/^[A-Za-z0-9_-]+$/, { error: `The ${what} is not valid.` });

const helpful = z.preprocess(
  (v) => {
    if (v === true || v === "yes" || v === "true") return true;
    if (v === false || v === "no" || v === "false") return false;
    return v === "" ? undefined : v;
  },
  z.boolean({ error: "Please choose Yes or No." }),
);

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "yes" || v === "true" || v === "1", z.boolean());

export const feedbackSubmissionSchema = z
  .object({
    articleId: id("article reference"),
    revisionId: id("article version"),
    helpful,
    reason: z.preprocess(
      emptyToUndefined,
      z.enum(FEEDBACK_REASONS, { error: "Please choose one of the listed reasons." }).optional(),
    ),
    comment: z.preprocess(
      (v) => (v === undefined || v === null ? "" : v),
      z
        .string({ error: "The comment must be text." })
        .transform(normaliseComment)
        .pipe(
          z.string().max(FEEDBACK_LIMITS.commentMax, {
            error: (iss) =>
              `Your comment is ${String((iss.input as string).length)} characters long; please shorten it to ${FEEDBACK_LIMITS.commentMax} or fewer.`,
          }),
        ),
    ),
    email: z.preprocess(
      emptyToUndefined,
      z
        .string({ error: "The e-mail address must be text." })
        .trim()
        .max(FEEDBACK_LIMITS.emailMax, { error: "That e-mail address is too long." })
        .pipe(z.email({ error: "Please enter a valid e-mail address, or leave it empty." }))
        .optional(),
    ),
    consent: checkbox,
    [HONEYPOT_FIELD]: z.preprocess(emptyToUndefined, z.string().max(1000).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.helpful === false && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Please tell us what was wrong: choose a reason." });
    }
    if (v.email && !v.consent) {
      ctx.addIssue({
        code: "custom",
        path: ["consent"],
        message: "Tick the box to let us use your e-mail address to reply, or leave the address empty.",
      });
    }
  })
  .transform((v) => ({
    articleId: v.articleId,
    revisionId: v.revisionId,
    helpful: v.helpful,
    // A reason only means something on a "No"; a stray one on "Yes" (a no-JS form shows every field) is dropped.
    reason: v.helpful ? null : ((v.reason ?? null) as FeedbackReason | null),
    comment: v.comment,
    email: v.email && v.consent ? v.email : null,
    honeypotFilled: Boolean(v[HONEYPOT_FIELD]),
  }));

export type FeedbackSubmission = z.output<typeof feedbackSubmissionSchema>;
export type FeedbackSubmissionInput = z.input<typeof feedbackSubmissionSchema>;
