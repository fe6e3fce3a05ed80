// One HTTP(S) request to an outside server on someone's behalf (a webhook delivery, one hop of a link check or
// a registry look-up). The host is resolved once and every address it resolves to is judged by the address
// policy (lib/security/address-policy.ts); the socket then connects through a `lookup` that answers only those
// checked addresses, so nothing resolves the name a second time between the check and the connection (DNS
// rebinding). Redirects are not followed here: a caller that follows them sends each hop through this
// function again. One deadline covers resolving, connecting and reading; the answer body is read only up to
// `maxBodyBytes`.
import http from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { resolveAllowedAddresses, type HostCheckOptions } from "../security/address-policy";

export interface OutgoingRequestOptions extends HostCheckOptions {
  method: "GET" | "HEAD" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The answer body is read up to this many bytes, the rest is dropped (and the connection closed). */
  maxBodyBytes: number;
}

export type OutgoingFailure = "BLOCKED" | "DNS" | "TIMEOUT" | "NETWORK" | "BAD_URL";

export type OutgoingResult =
  | { ok: true; status: number; headers: http.IncomingHttpHeaders; body: string }
  | { ok: false; reason: OutgoingFailure; detail: string };

/** A `lookup` that answers only the given, already checked addresses. */
export function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
    if (usable.length === 0) {
      const err = Object.assign(new Error("No checked address of the requested family."), { code: "ENOTFOUND" });
      return callback(err, "", 4);
    }
    if (options.all) return callback(null, usable);
    callback(null, usable[0].address, usable[0].family);
  };
}

export async function sendOutgoingRequest(url: URL, options: OutgoingRequestOptions): Promise<OutgoingResult> {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, reason: "BAD_URL", detail: `Only http and https addresses can be called (${url.protocol}).` };
  const controller = new AbortController();
  const timeoutDetail = `No answer within ${Math.round(options.timeoutMs / 100) / 10} s.`;
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const checked = await Promise.race([
      resolveAllowedAddresses(url.hostname, options),
      new Promise<null>((resolve) => controller.signal.addEventListener("abort", () => resolve(null))),
    ]);
    if (checked === null) return { ok: false, reason: "TIMEOUT", detail: timeoutDetail };
    if (!checked.ok) return checked;
    return await request(url, options, pinnedLookup(checked.addresses), controller.signal, timeoutDetail);
  } finally {
    clearTimeout(timer);
  }
}

function request(
  url: URL,
  options: OutgoingRequestOptions,
  lookup: LookupFunction,
  signal: AbortSignal,
  timeoutDetail: string,
): Promise<OutgoingResult> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined) headers["Content-Length"] = Buffer.byteLength(options.body);
    const req = (url.protocol === "https:" ? https : http).request(
      url,
      // A fresh agent (no pooled sockets): a kept-alive socket could outlive the check it was made for.
      { method: options.method, headers, lookup, signal, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const finish = () =>
          resolve({
            ok: true,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        res.on("data", (chunk: Buffer) => {
          const room = options.maxBodyBytes - read;
          if (room > 0) chunks.push(room >= chunk.length ? chunk : chunk.subarray(0, room));
          read += chunk.length;
          if (read >= options.maxBodyBytes) {
            finish();
            res.destroy();
          }
        });
        res.on("end", finish);
        res.on("error", () =>
          signal.aborted ? resolve({ ok: false, reason: "TIMEOUT", detail: timeoutDetail }) : finish(),
        );
      },
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (signal.aborted) return resolve({ ok: false, reason: "TIMEOUT", detail: timeoutDetail });
      if (err.code === "ENOTFOUND" || err.code === "EAI_AGAIN")
        return resolve({ ok: false, reason: "DNS", detail: `The host ${url.hostname} does not resolve.` });
      resolve({ ok: false, reason: "NETWORK", detail: err.message || String(err.code) });
    });
    req.end(options.body);
  });
}
