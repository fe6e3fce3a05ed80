// POST /api/feedback — "Was this article helpful?" answers from readers (anonymous).
// Two callers, one endpoint:
// - the plain HTML form (no JavaScript): success → 303 back to the article at #feedback-thanks; failure → a
//   small HTML page with the right 4xx status (429 + Retry-After), the message, and the form again with what
//   the reader typed;
// - the enhanced form (JavaScript) and the benchmark: JSON in, JSON out (201 / `{ error: {…} }`).
// Thin on purpose: cross-site check → bounded body → client hash → lib/feedback/submitFeedback → map errors.
// The cross-site check refuses other sites' pages only: the article page's own form (same origin) works without
// JavaScript, and clients that are not browsers (no Origin / Sec-Fetch-Site) are served as before.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { FEEDBACK_LIMITS } from "@/lib/feedback/reasons";
import { getClientHashSecret, hashClient } from "@/lib/feedback/client-hash";
import { submitFeedback } from "@/lib/feedback/submit-feedback";
import { assertSameOrigin, jsonError } from "@/app/_server/route";
import { mediaType, readFormBody, readJsonBody } from "@/lib/http/read-body";
import { clientAddress } from "@/lib/http/client-address";
import { publicContentSecurityPolicy, servedOverHttps } from "@/lib/http/security-headers";
import { toErrorBody } from "@/app/_server/errors";
import { articleFeedbackPath, renderFeedbackErrorPage } from "./error-page";

export const dynamic = "force-dynamic";

const THANKS_MESSAGE = "Thank you for your feedback. It helps us keep this article accurate and clear.";

export async function POST(request: Request): Promise<Response> {
  const isJson = mediaType(request) === "application/json";
  const wantsJson = isJson || (request.headers.get("accept") ?? "").includes("application/json");
  let fields: Record<string, unknown> = {};
  try {
    assertSameOrigin(request);
    fields = isJson ? await readJsonObject(request) : await readForm(request);
    const clientHash = hashClient(await getClientHashSecret(db), clientAddress(request.headers));
    const result = await submitFeedback(db, fields, { clientHash });
    if (wantsJson) return NextResponse.json({ ok: true, message: THANKS_MESSAGE }, { status: 201 });
    return new Response(null, {
      status: 303,
      headers: { Location: `${articleFeedbackPath(result.articleSlug)}#feedback-thanks`, "Cache-Control": "no-store" },
    });
  } catch (err) {
    if (wantsJson) return jsonError(err, "route feedback");
    const { status, body } = toErrorBody(err, "route feedback");
    const headers: Record<string, string> = {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      // An HTML page outside proxy.ts's paths: the readers' pages' policy, set here.
      "Content-Security-Policy": publicContentSecurityPolicy({ https: servedOverHttps() }),
    };
    const retry = body.details?.retryAfterSeconds;
    if (status === 429 && typeof retry === "number") headers["Retry-After"] = String(Math.max(1, Math.ceil(retry)));
    return new Response(renderFeedbackErrorPage(body, fields), { status, headers });
  }
}

async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const value = await readJsonBody(request, FEEDBACK_LIMITS.bodyBytesMax);
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new AppError("BAD_REQUEST", "The request body must be a JSON object.");
  return value as Record<string, unknown>;
}

/** A URL-encoded or multipart form, read as a bounded stream. Repeated names keep the first value. */
async function readForm(request: Request): Promise<Record<string, unknown>> {
  const form = await readFormBody(
    request,
    FEEDBACK_LIMITS.bodyBytesMax,
    "Your answer is too large to send. Please shorten your comment.",
  ).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "UNSUPPORTED_MEDIA_TYPE")
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the answer as a form or as JSON.");
    throw err;
  });
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (!(key in out) && typeof value === "string") out[key] = value;
  return out;
}
