// Small JSON client for the studio editor's route handlers. Network failures surface as thrown TypeErrors
// (handled by the autosave controller); HTTP errors come back as { status, body } for the caller to show.
export interface ApiResult<T = unknown> {
  status: number;
  ok: boolean;
  body: T & {
    error?: {
      code: string;
      message: string;
      fieldErrors?: Record<string, string[]>;
      details?: Record<string, unknown>;
    };
  };
}

export async function api<T = unknown>(url: string, method: string, payload?: unknown): Promise<ApiResult<T>> {
  const res = await fetch(url, {
    method,
    headers: payload === undefined ? undefined : { "Content-Type": "application/json" },
    body: payload === undefined ? undefined : JSON.stringify(payload),
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
