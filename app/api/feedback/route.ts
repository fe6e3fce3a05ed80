// POST /api/feedback — "Was this article helpful?" answers from readers (anonymous).
// Two callers, one endpoint:
// - the plain HTML form (no JavaScript): success → 303 back to the article at #feedback-thanks; failure → a
//   small HTML page with the right 4xx status (429 + Retry-After), the message, and the form again with what
//   the reader typed;
// - the enhanced form (JavaScript) and the benchmark: JSON in, JSON out (201 / `{ error: {…} }`).
// Thin on purpose: size limit → parse body → client hash → lib/feedback/submitFeedback → map errors.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { FEEDBACK_LIMITS } from "@/lib/feedback/reasons";
import { getClientHashSecret, hashClient } from "@/lib/feedback/client-hash";
import { submitFeedback } from "@/lib/feedback/submit-feedback";
import { jsonError, readJson } from "@/app/_server/route";
import { toErrorBody } from "@/app/_server/errors";
import { articleFeedbackPath, renderFeedbackErrorPage } from "./error-page";

export const dynamic = "force-dynamic";

const THANKS_MESSAGE = "Thank you for your feedback. It helps us keep this article accurate and clear.";

export async function POST(request: Request): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  const wantsJson =
    type.includes("application/json") || (request.headers.get("accept") ?? "").includes("application/json");
  let fields: Record<string, unknown> = {};
  try {
    fields = type.includes("application/json") ? await readJsonObject(request) : await readForm(request);
    const clientHash = hashClient(
      await getClientHashSecret(db),
      clientAddress(request),
      request.headers.get("user-agent") ?? "",
    );
    const result = await submitFeedback(db, fields, { clientHash });
    if (wantsJson) return NextResponse.json({ ok: true, message: THANKS_MESSAGE }, { status: 201 });
    return new Response(null, {
      status: 303,
      headers: { Location: `${articleFeedbackPath(result.articleSlug)}#feedback-thanks`, "Cache-Control": "no-store" },
    });
  } catch (err) {
    if (wantsJson) return jsonError(err, "route feedback");
    const { status, body } = toErrorBody(err, "route feedback");
    const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
    const retry = body.details?.retryAfterSeconds;
    if (status === 429 && typeof retry === "number") headers["Retry-After"] = String(Math.max(1, Math.ceil(retry)));
    return new Response(renderFeedbackErrorPage(body, fields), { status, headers });
  }
}

async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const value = await readJson(request, FEEDBACK_LIMITS.bodyBytesMax);
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new AppError("BAD_REQUEST", "The request body must be a JSON object.");
  return value as Record<string, unknown>;
}

/** A URL-encoded or multipart form, bounded in size before it is read. Repeated names keep the first value. */
async function readForm(request: Request): Promise<Record<string, unknown>> {
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", "Your answer is too large to send. Please shorten your comment.");
  if (Number(request.headers.get("content-length") ?? "0") > FEEDBACK_LIMITS.bodyBytesMax) throw tooLarge();
  const type = request.headers.get("content-type") ?? "";
  let entries: Iterable<[string, FormDataEntryValue]>;
  if (type.includes("multipart/form-data")) {
    entries = (await request.formData()).entries();
  } else if (type.includes("application/x-www-form-urlencoded")) {
    const text = await request.text();
    if (Buffer.byteLength(text) > FEEDBACK_LIMITS.bodyBytesMax) throw tooLarge();
    entries = new URLSearchParams(text).entries();
  } else {
    throw new AppError("BAD_REQUEST", "Send the answer as a form or as JSON.");
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) if (!(key in out) && typeof value === "string") out[key] = value;
  return out;
}

/**
 * The client's address, only ever used as input to the hash. Next sets X-Forwarded-For to the socket address
 * when no proxy did; behind a reverse proxy that appends the address it saw, the last entry is that one
 * (earlier entries are whatever the client claimed).
 */
function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for") ?? "";
  const parts = forwarded
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return parts[parts.length - 1] ?? "unknown";
}
