// The fast path for anonymous readers. For a cacheable request (./cacheable-request.ts) it reads the public
// change counter through the database adapter's ChangeReader (SQLite: from the file on every request, a few
// microseconds; PostgreSQL: pushed by NOTIFY), and answers from the stored page for that path and counter: 304
// when the reader's ETag matches, else the stored body in the best coding the reader accepts. On a miss it has
// the page rendered once (by Next, through `render`), stores it and answers; requests for the same page
// arriving meanwhile wait for that one render.
import type { IncomingMessage, ServerResponse } from "node:http";
import { cacheablePageKind, type PageKind } from "./cacheable-request";
import { chooseEncoding, matchesIfNoneMatch } from "./http-negotiation";
import { buildPageEntry, etagFor, unstorableReason, type Encoding, type PageEntry } from "./page-entry";
import type { PageStore } from "./page-store";
import type { ChangeReader } from "../db/dialects/dialect";
import { readersBody, sendRenderedPage, type RenderedResponse } from "./send-rendered-page";

export type { RenderedResponse };

/** Renders a path the way Next answers a browser's plain document request, with no per-reader state. */
export type PageRenderer = (path: string, req: IncomingMessage) => Promise<RenderedResponse>;

export interface PublicPageCacheOptions {
  reader: ChangeReader;
  store: PageStore;
  render: PageRenderer;
  /** How long a CDN may keep a page without asking (s-maxage). */
  sharedMaxAgeSeconds: number;
  /** How long a CDN may serve a page while it refreshes it in the background. */
  staleWhileRevalidateSeconds: number;
  /**
   * Headers every answer carries (the public Content-Security-Policy, HSTS): the stored 200s have them from the
   * render, a 304 from tryNotModified gets them here, being answered before anything else sets them.
   */
  securityHeaders?: Array<[string, string]>;
}

const ENCODINGS: Encoding[] = ["br", "gzip", "identity"];

interface Prepared {
  entry: PageEntry;
  /** Raw header lists (name, value, name, value …) for the 200 and the 304 of each coding, built once. */
  ok: Record<Encoding, string[]>;
  notModified: Record<Encoding, string[]>;
  /** The ETags of its three codings, as this server sends them (what a browser sends back, mostly). */
  etags: string[];
}

export class PublicPageCache {
  private prepared = new WeakMap<PageEntry, Prepared>();
  private inflight = new Map<string, Promise<RenderedResponse & { entry: PageEntry | null }>>();
  private readonly cacheControl: string;

  constructor(private readonly options: PublicPageCacheOptions) {
    // Browsers revalidate every time (max-age=0: a cheap 304 while the page is unchanged, the new page at once
    // after a publish); shared caches may keep it briefly and refresh in the background.
    this.cacheControl = `public, max-age=0, s-maxage=${options.sharedMaxAgeSeconds}, stale-while-revalidate=${options.staleWhileRevalidateSeconds}`;
  }

  /**
   * Answers the request if it is for a stored (or storable) public page. Returns false, synchronously, when
   * the request is not the cache's to answer: the caller hands it to Next.
   */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
    const kind = cacheablePageKind(req.method, req.url, req.headers);
    if (!kind) return false;
    const counter = this.options.reader.read();
    if (counter === null) return false;
    const path = req.url!;
    const entry = this.options.store.get(path, counter);
    if (entry) {
      this.send(req, res, entry, "HIT");
      return true;
    }
    return this.fill(path, counter, kind, req).then(async (rendered) => {
      if (rendered.entry) this.send(req, res, rendered.entry, "MISS");
      else await sendRenderedPage(req, res, rendered); // a 404, a redirect …: as Next rendered it, minus its runtime
      return true;
    });
  }

  /**
   * The revalidation fast path, for the caller to try before doing anything else with a request: a conditional
   * request (If-None-Match) for a stored page that is still current, at the public change counter read now, is
   * answered 304 with headers prepared once, security headers included, in a single write. Returns false, having
   * written nothing, in every other case (the caller goes on as for any request, tryServe included).
   */
  tryNotModified(req: IncomingMessage, res: ServerResponse): boolean {
    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch === undefined) return false;
    if (!cacheablePageKind(req.method, req.url, req.headers)) return false;
    const counter = this.options.reader.read();
    if (counter === null) return false;
    const entry = this.options.store.get(req.url!, counter);
    if (!entry) return false;
    const p = this.prepare(entry);
    // One of our own ETags sent back as it was: no parsing.
    if (!p.etags.includes(ifNoneMatch) && !matchesIfNoneMatch(ifNoneMatch, entry.etag)) return false;
    res.writeHead(304, p.notModified[chooseEncoding(req.headers["accept-encoding"])]);
    res.end();
    return true;
  }

  private fill(path: string, counter: number, kind: PageKind, req: IncomingMessage) {
    const key = `${counter} ${path}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.renderAndStore(path, counter, kind, req).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async renderAndStore(path: string, counter: number, kind: PageKind, req: IncomingMessage) {
    const rendered = await this.options.render(path, req);
    const why = unstorableReason(rendered.status, rendered.headers);
    if (why) {
      if (rendered.status === 200) console.warn(`[page-cache] not storing ${path}: ${why}`);
      return { ...rendered, entry: null };
    }
    const body = kind === "page" ? readersBody(rendered, path) : rendered.body;
    const entry = buildPageEntry({ status: rendered.status, headers: rendered.headers, body, counter });
    this.options.store.set(path, entry);
    return { ...rendered, entry };
  }

  private prepare(entry: PageEntry): Prepared {
    let p = this.prepared.get(entry);
    if (p) return p;
    const base = entry.headers.flat();
    const ok = {} as Prepared["ok"];
    const notModified = {} as Prepared["notModified"];
    for (const enc of ENCODINGS) {
      const common = ["cache-control", this.cacheControl, "etag", etagFor(entry, enc)];
      ok[enc] = [...base, ...common, "content-length", String(entry.bodies[enc].length)];
      if (enc !== "identity") ok[enc].push("content-encoding", enc);
      ok[enc].push("x-page-cache", "HIT"); // last: send() swaps it for MISS
      const vary = entry.headers.find(([n]) => n === "vary")![1];
      notModified[enc] = [...common, "vary", vary, ...(this.options.securityHeaders ?? []).flat()];
    }
    p = { entry, ok, notModified, etags: ENCODINGS.map((enc) => etagFor(entry, enc)) };
    this.prepared.set(entry, p);
    return p;
  }

  private send(req: IncomingMessage, res: ServerResponse, entry: PageEntry, state: "HIT" | "MISS") {
    const p = this.prepare(entry);
    const enc = chooseEncoding(req.headers["accept-encoding"]);
    if (matchesIfNoneMatch(req.headers["if-none-match"], entry.etag)) {
      res.writeHead(304, p.notModified[enc]);
      res.end();
      return;
    }
    res.writeHead(entry.status, state === "HIT" ? p.ok[enc] : [...p.ok[enc].slice(0, -2), "x-page-cache", "MISS"]);
    res.end(req.method === "HEAD" ? undefined : entry.bodies[enc]);
  }
}
