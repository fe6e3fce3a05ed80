// The studio's one JSON client for route handlers, and the one wording of an error answer. Network failures
// surface as thrown TypeErrors (the autosave controller retries them; useJsonMutation says the server could not
// be reached); HTTP errors come back as { status, ok: false, body.error } for the caller to show.
import type { FieldErrors } from "@/lib/errors";

/** A refused request's answer (route handlers' `error`; a server action's failed result has the same fields). */
export interface JsonError {
  code: string;
  message: string;
  fieldErrors?: FieldErrors;
  details?: Record<string, unknown>;
}

export interface ApiResult<T = unknown> {
  status: number;
  ok: boolean;
  body: T & { error?: JsonError };
}

/** Sends `payload` as JSON (or a FormData as multipart) and reads the JSON answer, whatever the status. */
export async function api<T = unknown>(url: string, method: string, payload?: unknown): Promise<ApiResult<T>> {
  const form = typeof FormData !== "undefined" && payload instanceof FormData;
  const res = await fetch(url, {
    method,
    headers:
      payload === undefined || form
        ? { Accept: "application/json" }
        : { Accept: "application/json", "Content-Type": "application/json" },
    body: payload === undefined ? undefined : form ? (payload as FormData) : JSON.stringify(payload),
    cache: "no-store",
    credentials: "same-origin",
  });
  let body: unknown = {};
  try {
    body = await res.json();
  } catch {
    body = { error: { code: "INTERNAL", message: `The server answered ${res.status} without details.` } };
  }
  return { status: res.status, ok: res.ok, body: body as ApiResult<T>["body"] };
}

/**
 * What to tell the person about a refused request: the first of `fields`' own messages (the field they were
 * filling in), else the server's message, else `fallback` (what did not happen).
 */
export function errorText(
  error: { message?: string; fieldErrors?: FieldErrors } | null | undefined,
  fields: readonly string[],
  fallback: string,
): string {
  for (const field of fields) {
    const messages = error?.fieldErrors?.[field];
    if (messages?.length) return messages.join(" ");
  }
  return error?.message || fallback;
}
