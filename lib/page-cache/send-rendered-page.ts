// Sends on a response Next rendered for a readers' page that the page cache does not store (a search, a query
// string, a 404, a page for a signed-in visitor): HTML without Next's runtime (./strip-next-runtime.ts), so it
// runs no inline script, compressed for the reader as Next would have (gzip or Brotli at a fast level: this is
// done per request, unlike the stored pages' one-off maximum compression).
import { promisify } from "node:util";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompress, constants, gzip } from "node:zlib";
import { chooseEncoding } from "./http-negotiation";
import { stripNextRuntime } from "./strip-next-runtime";
import { setDocumentLanguage } from "./document-language";

export interface RenderedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Describe the connection or the body as Next sent it; set again here for the body actually sent.
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

export function isHtml(headers: RenderedResponse["headers"]): boolean {
  return String(headers["content-type"] ?? "").startsWith("text/html");
}

/**
 * The rendered body as readers get it: HTML without Next's runtime and with <html lang> of the address's
 * language (./document-language.ts), anything else as it is.
 */
export function readersBody(rendered: RenderedResponse, pathname: string): Buffer {
  return isHtml(rendered.headers)
    ? Buffer.from(setDocumentLanguage(stripNextRuntime(rendered.body.toString("utf8")), pathname))
    : rendered.body;
}

export async function sendRenderedPage(req: IncomingMessage, res: ServerResponse, rendered: RenderedResponse) {
  const identity = readersBody(rendered, (req.url ?? "/").split(/[?#]/)[0]);
  const encoding = rendered.headers["content-encoding"] ? "identity" : chooseEncoding(req.headers["accept-encoding"]);
  const body =
    encoding === "br"
      ? await brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === "gzip"
        ? await gzipAsync(identity, { level: 6 })
        : identity;
  for (const [name, value] of Object.entries(rendered.headers)) {
    if (value === undefined || NOT_REPLAYED.has(name.toLowerCase())) continue;
    res.setHeader(name, value);
  }
  if (rendered.headers["content-encoding"]) res.setHeader("content-encoding", rendered.headers["content-encoding"]);
  else if (encoding !== "identity") res.setHeader("content-encoding", encoding);
  const vary = String(rendered.headers.vary ?? "");
  if (!/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  res.setHeader("content-length", body.length);
  res.writeHead(rendered.status);
  res.end(req.method === "HEAD" ? undefined : body);
}
