// The page cache against a real database file: the change counter is bumped through Prisma (another
// connection, as another server process would) and read by the cache's own SQLite reader.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { bumpPublicChange, readPublicChange } from "../../lib/page-cache/public-change";
import { PageStore } from "../../lib/page-cache/page-store";
import { PublicPageCache, type RenderedResponse } from "../../lib/page-cache/public-page-cache";
import { sqliteDialect } from "../../lib/db/dialects/sqlite";

const t = createTestDb();
const reader = sqliteDialect.openChangeReader(t.url)!;
const renders: string[] = [];
let version = "first";

async function render(path: string): Promise<RenderedResponse> {
  renders.push(path);
  await new Promise((r) => setTimeout(r, 20));
  if (path === "/articles/missing")
    return { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: Buffer.from("gone") };
  const html = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><p>${path} ${version}</p><script>self.__next_f.push([1])</script></body></html>`;
  return {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", vary: "rsc, Accept-Encoding", "x-frame-options": "DENY" },
    body: Buffer.from(html),
  };
}

const cache = new PublicPageCache({
  reader,
  store: new PageStore({ maxBytes: 1e7, maxAgeMs: 60_000 }),
  render: (path) => render(path),
  sharedMaxAgeSeconds: 60,
  staleWhileRevalidateSeconds: 600,
  securityHeaders: [["content-security-policy", "default-src 'self'"]],
});
// In server.ts's order: revalidations of current stored pages first, then the cache, then Next (a stand-in
// answering 299, and marking what reached the ordinary path).
let reachedOrdinaryPath = 0;
const server = http.createServer((req, res) => {
  if (cache.tryNotModified(req, res)) return;
  reachedOrdinaryPath++;
  const answered = cache.tryServe(req, res);
  if (answered === false) res.writeHead(299).end("next");
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  reader.close();
  await t.cleanup();
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(base + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("PublicPageCache", () => {
  it("renders a page once, stores it without Next's runtime, and serves it compressed with an ETag", async () => {
    renders.length = 0;
    const first = await get("/articles/a");
    expect(first.status).toBe(200);
    expect(first.headers["x-page-cache"]).toBe("MISS");
    expect(first.body.toString()).toBe(
      "<!DOCTYPE html><html><head></head><body><p>/articles/a first</p></body></html>",
    );
    expect(first.headers["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=600");
    expect(first.headers["x-frame-options"]).toBe("DENY");
    expect(first.headers.vary).toBe("rsc, Accept-Encoding");

    const br = await get("/articles/a", { "accept-encoding": "gzip, br" });
    expect(br.headers["x-page-cache"]).toBe("HIT");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(first.body)).toBe(true);
    const gz = await get("/articles/a", { "accept-encoding": "gzip" });
    expect(gunzipSync(gz.body).equals(first.body)).toBe(true);
    expect(renders).toEqual(["/articles/a"]);

    const revalidation = await get("/articles/a", { "if-none-match": br.headers.etag!, "accept-encoding": "br" });
    expect(revalidation.status).toBe(304);
    expect(revalidation.body.length).toBe(0);
    expect(revalidation.headers.etag).toBe(br.headers.etag);
  });

  it("answers a revalidation of a current stored page before anything else, with its ETag, Vary and security headers", async () => {
    const gz = await get("/articles/c", { "accept-encoding": "gzip" });
    expect(gz.status).toBe(200);
    const before = reachedOrdinaryPath;
    // The client's copy is current whichever coding it received; the 304 names the coding it asks for now.
    const revalidation = await get("/articles/c", { "if-none-match": gz.headers.etag!, "accept-encoding": "br" });
    expect(revalidation.status).toBe(304);
    expect(reachedOrdinaryPath).toBe(before);
    expect(revalidation.headers.etag).toBe(gz.headers.etag!.replace(/-gz"$/, '-br"'));
    expect(revalidation.headers.vary).toBe("rsc, Accept-Encoding");
    expect(revalidation.headers["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=600");
    expect(revalidation.headers["content-security-policy"]).toBe("default-src 'self'");
    // Sent back exactly as received, as a weak tag, or in a list.
    for (const ifNoneMatch of [gz.headers.etag!, `W/${gz.headers.etag!}`, `"other", ${gz.headers.etag!}`]) {
      const again = await get("/articles/c", { "if-none-match": ifNoneMatch, "accept-encoding": "gzip" });
      expect(again.status).toBe(304);
      expect(again.headers.etag).toBe(gz.headers.etag);
    }

    // Not this path's to answer: another ETag, a signed-in reader, a query string, a page never stored.
    expect((await get("/articles/c", { "if-none-match": '"other"' })).status).toBe(200);
    expect(
      (await get("/articles/c", { "if-none-match": gz.headers.etag!, cookie: "next-auth.session-token=x" })).status,
    ).toBe(299);
    expect((await get("/articles/c?x=1", { "if-none-match": gz.headers.etag! })).status).toBe(299);
    expect((await get("/articles/never-stored", { "if-none-match": gz.headers.etag! })).status).toBe(200);
    expect(reachedOrdinaryPath).toBe(before + 4);
  });

  it("renders again after a change committed by another connection, and only once for simultaneous requests", async () => {
    await get("/articles/b");
    const before = await get("/articles/b");
    expect(before.headers["x-page-cache"]).toBe("HIT");
    renders.length = 0;
    version = "second";
    await t.db.$transaction((tx) => bumpPublicChange(tx));
    expect(await readPublicChange(t.db)).toBeGreaterThan(0);

    const after = await Promise.all([get("/articles/b"), get("/articles/b"), get("/articles/b")]);
    for (const r of after) expect(r.body.toString()).toContain("/articles/b second");
    expect(renders).toEqual(["/articles/b"]);
    const stale = await get("/articles/b", { "if-none-match": before.headers.etag! });
    expect(stale.status).toBe(200);
    expect(stale.body.toString()).toContain("/articles/b second");
  });

  it("passes a page it may not store on as rendered, and leaves other requests to Next", async () => {
    renders.length = 0;
    const missing = await get("/articles/missing");
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe("gone");
    await get("/articles/missing");
    expect(renders).toEqual(["/articles/missing", "/articles/missing"]);

    expect((await get("/articles/a", { cookie: "next-auth.session-token=x" })).status).toBe(299);
    expect((await get("/studio")).status).toBe(299);
    expect((await get("/articles/a?utm=x")).status).toBe(299);
  });
});
