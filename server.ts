// `npm start`: Next's request handler behind a small Node HTTP server, for what `next start` cannot do: the page
// cache for anonymous readers (lib/page-cache). Readers' pages are rendered once per public change, compressed
// once (Brotli, gzip), answered with a strong ETag / 304 and a Cache-Control a CDN can honour, and without
// Next's client runtime. Next itself renders (or reads its stored copy) and compresses every response anew
// (`npm run bench:article` compares the two). Whether a stored page is current is decided by the public change
// counter in the database, checked on every request, so a publish made by any process is seen at once by all.
//
// Readers' pages the cache does not store (a search, a query string, a 404, a signed-in visitor; every page
// with PAGE_CACHE=off) are rendered by Next the same way and sent on without its runtime too
// (lib/page-cache/send-rendered-page.ts), so no readers' page ever needs an inline script under the public
// Content-Security-Policy. Everything else (the studio, APIs, Next's own client navigation requests, static
// files) is handed to Next unchanged. The socket address of each request (rate limits) is stamped by instrumentation.ts
// on every Node HTTP server in the process; this one stamps its own, after answering revalidations of stored
// pages first (lib/http/stamp-socket-address.ts).
//
//   tsx server.ts [-p PORT] [-H HOST]      PORT defaults to $PORT or 3000; HOST to all interfaces
//   PAGE_CACHE=off                          serve everything through Next (no page cache)
//   COLLAB_PORT / COLLAB_DISABLED           WebSocket upgrades on /collab go to the co-editing server (lib/collab)
//   COLLAB_NODES=host:port,…                …or to several co-editing nodes, in turn (lib/collab/proxy-upgrade.ts)
//   PAGE_CACHE_MAX_MB=128                   memory for stored pages (all three codings), least recently used first out
//   PAGE_CACHE_S_MAXAGE=60                  s-maxage for shared caches (seconds)
//   PAGE_CACHE_STALE_WHILE_REVALIDATE=600   stale-while-revalidate for shared caches (seconds)
import { readFileSync } from "node:fs";
import http, { type IncomingMessage } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { PageStore } from "./lib/page-cache/page-store";
import { PublicPageCache, type RenderedResponse } from "./lib/page-cache/public-page-cache";
import { dialectForUrl } from "./lib/db/dialects/dialect-for-url";
import { databaseUrl } from "./lib/db/url";
import { isReadersPageRequest } from "./lib/page-cache/readers-page-request";
import { sendRenderedPage } from "./lib/page-cache/send-rendered-page";
import { isCollabUpgrade, nodesInTurn, proxyUpgrade } from "./lib/collab/proxy-upgrade";
import { stampSocketAddress, stampsItsOwnRequests } from "./lib/http/stamp-socket-address";
import { collabEndpoint } from "./lib/collab/issue-collab-ticket";
import { reportHeapOnSignal } from "./lib/processes/report-heap-on-signal";
import {
  STRICT_TRANSPORT_SECURITY,
  isAppPath,
  publicContentSecurityPolicy,
  servedOverHttps,
} from "./lib/http/security-headers";

// Before Next and React load: they pick their production builds from it.
(process.env as Record<string, string>).NODE_ENV = "production";

const FILL_HEADER = "x-page-cache-fill";

function argValue(names: string[]): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
    }
  }
  return undefined;
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number (got "${raw}").`);
  return value;
}

async function main() {
  const port = Number(argValue(["-p", "--port"]) ?? process.env.PORT ?? 3000);
  const hostname = argValue(["-H", "--hostname"]);
  // Read by the publication scheduler's self-requests (lib/processes/publish-scheduler.ts), as under `next start`.
  process.env.PORT = String(port);
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: __dirname, hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare(); // also loads .env files, so DATABASE_URL is read after this

  // Only this process can ask Next for a page on the cache's behalf (the header carries a per-process secret).
  const fillToken = randomBytes(24).toString("base64url");
  const revalidateId = previewModeId();
  const https = servedOverHttps();
  const publicPolicy = publicContentSecurityPolicy({ https });
  const securityHeaders: Array<[string, string]> = [["content-security-policy", publicPolicy]];
  if (https) securityHeaders.push(["strict-transport-security", STRICT_TRANSPORT_SECURITY]);
  const cache = createPageCache(
    (path, req) => renderThroughNext(server, path, req, fillToken, revalidateId),
    securityHeaders,
  );
  // Readers' pages outside the cache: rendered as Next would answer them (its own stored copies allowed).
  const renderReadersPage = (req: IncomingMessage) => renderThroughNext(server, req.url!, req, fillToken, null);

  const server = http.createServer((req, res) => {
    // A browser revalidating a stored page that is still current (If-None-Match) is the reader's most frequent
    // request: answered first, before the work below that a 304 does not need (its headers, security headers
    // included, are prepared once per stored page). Whether the page is current is read as for any request.
    if (cache?.tryNotModified(req, res)) return;
    // Every other request is stamped with its socket address here (the process-wide stamp skips this server).
    stampSocketAddress(req);
    // Set here rather than only in proxy.ts: pages from the cache never reach Next, and Next skips the proxy
    // for the cache's own fill requests. Studio pages get their nonce policy from proxy.ts (Next's headers win).
    if (!isAppPath((req.url ?? "/").split("?")[0])) res.setHeader("content-security-policy", publicPolicy);
    if (https) res.setHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    const fill = req.headers[FILL_HEADER] === fillToken;
    delete req.headers[FILL_HEADER];
    // Only the cache's own fill requests may force a fresh render.
    if (!fill) delete req.headers["x-prerender-revalidate"];
    const toNext = () =>
      handle(req, res).catch((err) => {
        console.error("[server] request failed", req.url, err);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    if (fill) return void toNext();
    const withoutCache = () => {
      if (!isReadersPageRequest(req.method, req.url, req.headers)) return void toNext();
      renderReadersPage(req)
        .then((rendered) => sendRenderedPage(req, res, rendered))
        .catch((err) => {
          console.error("[server] rendering a readers' page failed; handing the request to Next", req.url, err);
          if (!res.headersSent) toNext();
          else res.end();
        });
    };
    if (!cache) return withoutCache();
    let answered: boolean | Promise<boolean>;
    try {
      answered = cache.tryServe(req, res);
    } catch (err) {
      console.error("[page-cache] failed; handing the request to Next", err);
      answered = false;
    }
    if (answered === false) return withoutCache();
    if (answered !== true)
      answered.catch((err) => {
        console.error("[page-cache] render failed; handing the request to Next", req.url, err);
        if (!res.headersSent) toNext();
        else res.end();
      });
  });
  stampsItsOwnRequests(server);
  server.keepAliveTimeout = 5_000;
  // Co-editing sockets (path /collab) go to the co-editing server, so browsers reach it at this origin.
  // Several nodes (COLLAB_NODES): each socket to the next in turn, from COLLAB_NODE_OFFSET (start:cluster gives
  // each app process its own, so that the first sockets of every process do not all go to one node).
  const collab = collabEndpoint();
  const nextNodes = collab ? nodesInTurn(collab.nodes, Number(process.env.COLLAB_NODE_OFFSET) || 0) : null;
  server.on("upgrade", (req, socket, head) => {
    if (nextNodes && isCollabUpgrade(req)) proxyUpgrade(req, socket, head, nextNodes());
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (hostname) server.listen(port, hostname, resolve);
    else server.listen(port, resolve);
  });
  console.log(
    `› Ready on http://${hostname ?? "localhost"}:${port}${cache ? " (page cache on)" : " (page cache off)"}`,
  );

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  reportHeapOnSignal(); // only under --expose-gc (the soak)
}

/**
 * The build's secret for on-demand revalidation. Sent with a fill request, it makes Next render the page
 * afresh (and replace its own stored copy, ISR) instead of answering from a copy made before the public change
 * counter moved: Next's copies live per process and another process may have made the change.
 */
function previewModeId(): string {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, ".next", "prerender-manifest.json"), "utf8")) as {
    preview: { previewModeId: string };
  };
  return manifest.preview.previewModeId;
}

function createPageCache(
  render: (path: string, req: IncomingMessage) => Promise<RenderedResponse>,
  securityHeaders: Array<[string, string]>,
) {
  if (process.env.PAGE_CACHE === "off") return null;
  const url = databaseUrl();
  // SQLite: read from the file on every request. PostgreSQL: pushed by LISTEN/NOTIFY.
  const reader = dialectForUrl(url).openChangeReader(url);
  if (!reader) {
    console.warn("[page-cache] off: no change counter reader for this DATABASE_URL");
    return null;
  }
  return new PublicPageCache({
    reader,
    store: new PageStore({ maxBytes: numberFromEnv("PAGE_CACHE_MAX_MB", 128) * 1024 * 1024, maxAgeMs: 3600_000 }),
    render,
    sharedMaxAgeSeconds: numberFromEnv("PAGE_CACHE_S_MAXAGE", 60),
    staleWhileRevalidateSeconds: numberFromEnv("PAGE_CACHE_STALE_WHILE_REVALIDATE", 600),
    securityHeaders,
  });
}

/**
 * Asks this very server (over loopback, marked with the fill token so it goes straight to Next) for a path,
 * as a browser's plain document request with no cookies, and collects the whole uncompressed response. With
 * `revalidateId`, Next renders afresh instead of answering from its own stored copy (page cache fills).
 */
function renderThroughNext(
  server: http.Server,
  pathname: string,
  original: IncomingMessage,
  fillToken: string,
  revalidateId: string | null,
): Promise<RenderedResponse> {
  const address = server.address() as AddressInfo;
  const host = address.address === "::" || address.address === "0.0.0.0" ? "127.0.0.1" : address.address;
  const headers: http.OutgoingHttpHeaders = {
    host: original.headers.host ?? `${host}:${address.port}`,
    accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "accept-encoding": "identity",
    // A fixed browser user agent: Next varies a little by user agent (metadata for bots), and a stored page
    // must not depend on who happened to ask first.
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
    [FILL_HEADER]: fillToken,
  };
  if (revalidateId) headers["x-prerender-revalidate"] = revalidateId;
  for (const h of ["x-forwarded-host", "x-forwarded-proto"]) if (original.headers[h]) headers[h] = original.headers[h];
  return new Promise((resolve, reject) => {
    const request = http.request({ host, port: address.port, path: pathname, method: "GET", headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.setTimeout(60_000, () => request.destroy(new Error(`rendering ${pathname} took over 60 s`)));
    request.on("error", reject);
    request.end();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
