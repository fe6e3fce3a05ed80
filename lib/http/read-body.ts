// Request bodies are read as a stream and counted as they arrive, whatever `Content-Length` says (a chunked
// body declares no length, and a declared one may lie). Reading stops, and the rest is discarded, at the first
// byte past the cap, so memory per request is bounded by the cap whatever the sender does.
import { AppError } from "../errors";

export function payloadTooLarge(maxBytes: number, message?: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", message ?? `The request is larger than the ${formatBytes(maxBytes)} limit.`);
}

/** The body's bytes, at most `maxBytes` of them; PAYLOAD_TOO_LARGE beyond. */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
  tooLargeMessage?: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw payloadTooLarge(maxBytes, tooLargeMessage);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw payloadTooLarge(maxBytes, tooLargeMessage);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The client went away or sent a broken chunked encoding: nothing to answer but a 400.
    throw new AppError("BAD_REQUEST", "The request body could not be read.");
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The body as UTF-8 text (BAD_REQUEST when it is not valid UTF-8). */
export async function readBodyText(request: Request, maxBytes: number, tooLargeMessage?: string): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes, tooLargeMessage);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8 text.");
  }
}

/** The media type of a Content-Type header, lower-cased, without parameters ("" when absent). */
export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * A JSON body of at most `maxBytes`. Only `application/json` (or a `+json` type) is read: a `text/plain` body
 * is what a cross-site form or `fetch` without a preflight can send, so it is refused with 415 before parsing.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = mediaType(request);
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/**
 * A URL-encoded or multipart form of at most `maxBytes`, parsed only after the bytes are in (multipart through
 * the platform's parser on the bounded buffer). UNSUPPORTED_MEDIA_TYPE for anything else.
 */
export async function readFormBody(request: Request, maxBytes: number, tooLargeMessage?: string): Promise<FormData> {
  const type = mediaType(request);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data")
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request as a form.");
  const bytes = await readBodyBytes(request, maxBytes, tooLargeMessage);
  try {
    return await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The form could not be read.");
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
