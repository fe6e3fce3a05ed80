// One HTTP POST to a webhook receiver, through lib/http/outgoing-request.ts: the connection goes to an address
// that was resolved and checked against the address policy once, so a name cannot resolve to a public address
// for the check and to a private one for the connection (DNS rebinding). Redirects are not followed; the
// answer body is read only up to a few KB.
import { sendOutgoingRequest } from "../http/outgoing-request";
import { PRIVATE_REFUSED } from "./endpoint-url";

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type Sender = (url: URL, body: string, headers: Record<string, string>) => Promise<SendResult>;

export function createSender(options: { allowPrivate: boolean; timeoutMs?: number }): Sender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (url, body, headers) => {
    const started = Date.now();
    const result = await sendOutgoingRequest(url, {
      method: "POST",
      headers,
      body,
      timeoutMs,
      maxBodyBytes: 8192,
      allowPrivate: options.allowPrivate,
    });
    const durationMs = Date.now() - started;
    if (result.ok) return { statusCode: result.status, error: null, durationMs };
    const error = result.reason === "BLOCKED" ? `${PRIVATE_REFUSED} (${result.detail})` : result.detail;
    return { statusCode: null, error, durationMs };
  };
}
