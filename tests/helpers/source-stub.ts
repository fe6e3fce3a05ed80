// A local stand-in for the outside services the source checks talk to, replaying recorded responses
// (tests/fixtures/sources/, written by hand in the registries' real formats): Crossref works records,
// doi.org content negotiation (CSL-JSON), NCBI's citation exporter (CSL-JSON), plus link-check targets that
// answer, redirect, fail or answer slowly. Listens on loopback only. Used by vitest, the e2e run
// (e2e/helpers/source-stub-server.ts) and bench/links.ts.
//   /crossref/works/<doi>            Crossref work (404 for unknown DOIs)
//   /crossref/works?filter=updates:… notices updating a DOI (always none here)
//   /doi/<doi>                       CSL-JSON when asked for application/vnd.citationstyles.csl+json
//   /pubmed/?format=csl&id=<pmid>    CSL-JSON
//   /links/ok, /links/missing (404), /links/gone (410), /links/error (500), /links/slow?ms=…,
//   /links/redirect/<n> (n hops, then ok), /links/loop (redirects forever)
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const FIXTURES = path.join(__dirname, "../fixtures/sources");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

/** DOI (lower case) → Crossref works fixture. */
export const CROSSREF_WORKS: Record<string, string> = {
  "10.1016/s0140-6736(97)11096-0": "crossref-work-retracted.json",
  "10.3390/jcm10051012": "crossref-work-corrected.json",
  "10.1016/s0140-6736(16)00346-9": "crossref-work-plain.json",
};
export const DOI_CSL: Record<string, string> = { "10.1016/s0140-6736(16)00346-9": "doi-csl-gout.json" };
export const PUBMED_CSL: Record<string, string> = { "21288096": "pubmed-csl-21288096.json" };

export const RETRACTED_DOI = "10.1016/S0140-6736(97)11096-0";

export interface SourceStub {
  url: string;
  port: number;
  /** Requests seen, for tests that check caching ("path" only). */
  requests: string[];
  close(): Promise<void>;
}

export async function startSourceStub(port = 0): Promise<SourceStub> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stub");
    requests.push(url.pathname + url.search);
    const json = (status: number, body: string, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    const p = decodeURIComponent(url.pathname);
    if (p === "/crossref/works" && url.searchParams.get("filter")?.startsWith("updates:"))
      return json(200, fixture("crossref-updates-empty.json"));
    if (p.startsWith("/crossref/works/")) {
      const f = CROSSREF_WORKS[p.slice("/crossref/works/".length).toLowerCase()];
      return f ? json(200, fixture(f)) : json(404, "Resource not found.", "text/plain");
    }
    if (p.startsWith("/doi/")) {
      const f = DOI_CSL[p.slice("/doi/".length).toLowerCase()];
      if (!f) return json(404, "DOI Not Found", "text/html");
      return json(200, fixture(f), "application/vnd.citationstyles.csl+json");
    }
    if (p === "/pubmed/" || p === "/pubmed") {
      const f = PUBMED_CSL[url.searchParams.get("id") ?? ""];
      return f ? json(200, fixture(f)) : json(404, '{"status":"error","message":"id not found"}');
    }
    if (p === "/links/ok") return json(200, "<!doctype html><title>ok</title>", "text/html");
    if (p === "/links/missing") return json(404, "not found", "text/plain");
    if (p === "/links/gone") return json(410, "gone", "text/plain");
    if (p === "/links/error") return json(500, "error", "text/plain");
    if (p === "/links/slow") {
      const ms = Number(url.searchParams.get("ms") ?? 500);
      const t = setTimeout(() => json(200, "slow but fine", "text/plain"), ms);
      res.on("close", () => clearTimeout(t));
      return;
    }
    const hop = p.match(/^\/links\/redirect\/(\d+)$/);
    if (hop) {
      const n = Number(hop[1]);
      res.writeHead(302, { location: n > 1 ? `/links/redirect/${n - 1}` : "/links/ok" });
      return res.end();
    }
    if (p === "/links/loop") {
      res.writeHead(301, { location: "/links/loop" });
      return res.end();
    }
    json(404, "no such stub route", "text/plain");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
