// One HTTP POST to a webhook receiver. The connection goes to an address this code resolved and vetted itself
// (a custom `lookup`), so a name cannot resolve to a public address for the check and to a private one for the
// connection (DNS rebinding). Redirects are not followed; the answer body is read only up to a few KB.
import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { PRIVATE_REFUSED, isPrivateAddress } from "./endpoint-url";

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type Sender = (url: URL, body: string, headers: Record<string, string>) => Promise<SendResult>;

export function createSender(options: { allowPrivate: boolean; timeoutMs?: number }): Sender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return (url, body, headers) =>
    new Promise((resolve) => {
      const started = Date.now();
      const done = (statusCode: number | null, error: string | null) =>
        resolve({ statusCode, error, durationMs: Date.now() - started });
      const vettedLookup: LookupFunction = (hostname, opts, callback) => {
        dnsLookup(hostname, { all: true }, (err, addresses) => {
          if (err) return callback(err, "", 4);
          const refused = !options.allowPrivate && addresses.some((a) => isPrivateAddress(a.address));
          if (refused) return callback(Object.assign(new Error(PRIVATE_REFUSED), { code: "EPRIVATE" }), "", 4);
          if (opts.all) return callback(null, addresses);
          callback(null, addresses[0].address, addresses[0].family);
        });
      };
      const host = url.hostname.replace(/^\[|\]$/g, "");
      if (isIP(host) && !options.allowPrivate && isPrivateAddress(host)) return done(null, PRIVATE_REFUSED);
      const request = (url.protocol === "https:" ? https : http).request(
        url,
        {
          method: "POST",
          headers: { ...headers, "Content-Length": Buffer.byteLength(body) },
          timeout: timeoutMs,
          lookup: vettedLookup,
        },
        (response) => {
          let read = 0;
          response.on("data", (chunk: Buffer) => {
            read += chunk.length;
            if (read > 8192) response.destroy();
          });
          response.on("close", () => done(response.statusCode ?? null, null));
          response.on("error", () => done(response.statusCode ?? null, null));
        },
      );
      request.on("timeout", () => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)));
      request.on("error", (err) => done(null, err.message));
      request.end(body);
    });
}
