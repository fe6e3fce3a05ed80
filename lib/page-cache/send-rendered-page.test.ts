// A readers' page rendered per request is sent without Next's runtime, compressed as the reader accepts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRenderedPage, type RenderedResponse } from "./send-rendered-page";

const html =
  '<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body>' +
  '<main>Results</main><script type="application/ld+json">{"a":1}</script>' +
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>";

let rendered: RenderedResponse;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => void sendRenderedPage(req, res, rendered));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request (fetch would decompress for us). */
function get(path: string, headers: Record<string, string>, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("sendRenderedPage", () => {
  it("drops Next's runtime from HTML, keeps status and headers, and gzips for a reader who accepts it", async () => {
    rendered = {
      status: 404,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "script-src 'self'",
        "transfer-encoding": "chunked",
        "content-length": "999",
      },
      body: Buffer.from(html),
    };
    const res = await get("/x", { "accept-encoding": "gzip" });
    expect(res.status).toBe(404);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.headers["content-security-policy"]).toBe("script-src 'self'");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    const page = gunzipSync(res.body).toString("utf8");
    expect(page).toContain("<main>Results</main>");
    expect(page).toContain('<script type="application/ld+json">');
    expect(page).not.toContain("__next_f");
    expect(page).not.toContain("/_next/static/chunks/a.js");
    const head = await get("/x", {}, "HEAD");
    expect(head.body.length).toBe(0);
    expect(head.headers["content-encoding"]).toBeUndefined();
  });

  it("sends anything that is not HTML as it is", async () => {
    rendered = { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from('{"a":"<script>"}') };
    const res = await get("/y", {});
    expect(res.body.toString()).toBe('{"a":"<script>"}');
  });
});
