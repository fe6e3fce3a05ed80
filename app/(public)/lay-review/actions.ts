"use server";
// The lay reader's answers. Open by design (the reader has no account): guarded by the single-use link's
// token, rate-limited per client address, and cross-site posts are refused by Next's server action origin check.
// Used through useActionState, so the form works without JavaScript (the page re-renders with the result).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { findLayInviteId, limitLayLink, submitLayReview } from "@/lib/lay-review/submit-lay-review";
import { formDataToObject } from "@/app/_server/action";
import { toErrorBody } from "@/app/_server/errors";
import { LAY_REVIEW_SENT_PATH } from "./sent-path";

export interface LayReviewFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the reader typed, given back when something needs fixing, so nothing is lost. */
  values?: Record<string, string>;
}

export async function submitLayReviewAction(_prev: LayReviewFormState, form: FormData): Promise<LayReviewFormState> {
  // Called only by the form; anything else posted to it (no form data) is refused as bad input.
  if (!(form instanceof FormData)) return { message: "Send your answers with the form on this page." };
  const fields = formDataToObject(form);
  const values = Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  try {
    const token = String(fields.token ?? "").slice(0, 200);
    await limitLayLink(db, { inviteId: await findLayInviteId(db, token), clientKey: clientAddress(await headers()) });
    await submitLayReview(db, token, fields);
  } catch (err) {
    const { body } = toErrorBody(err, "action submitLayReview");
    return { message: body.message, fieldErrors: body.fieldErrors, values };
  }
  // The link is used now, so the page at its address would say it cannot be used: the thanks are on a page of
  // their own (also without JavaScript, where the page is rendered again after the post), and the token leaves
  // the address bar.
  redirect(LAY_REVIEW_SENT_PATH);
}
