// The one wrapper for JSON route handlers: errors become `{ error: { code, message, fieldErrors } }` with the
// code's HTTP status; bodies are size-limited and must be JSON.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import type { Actor, Permission } from "@/lib/auth/policy";
import { assertCan } from "@/lib/auth/policy";
import { getActor } from "./session";
import { toErrorBody } from "./errors";

export function jsonError(err: unknown, context: string): NextResponse {
  const { status, body } = toErrorBody(err, context);
  const headers: Record<string, string> = {};
  const retry = body.details?.retryAfterSeconds;
  if (status === 429 && typeof retry === "number") headers["Retry-After"] = String(Math.max(1, Math.ceil(retry)));
  return NextResponse.json({ error: body }, { status, headers });
}

/** Reads a JSON body of at most `maxBytes`; 413 above it, 400 when it is not JSON. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request is larger than the ${formatBytes(maxBytes)} limit.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request is larger than the ${formatBytes(maxBytes)} limit.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

/** A route handler for signed-in staff with `permission`. */
export function authedRoute<C>(
  permission: Permission,
  name: string,
  handler: (request: Request, actor: Actor, context: C) => Promise<Response>,
) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      assertCan(actor, permission);
      return await handler(request, actor, context);
    } catch (err) {
      return jsonError(err, `route ${name}`);
    }
  };
}
