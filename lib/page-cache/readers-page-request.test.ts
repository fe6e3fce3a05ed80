// Which requests are served as readers' pages without Next's runtime: every page outside the studio, account
// and sign-in pages (and the 404 in place of a missing one), never a route handler, a file or a client-router
// request. The route handlers and files are found in app/, so a new one that is not excluded fails here.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isReadersPageRequest } from "./readers-page-request";

const APP = path.resolve(__dirname, "../../app");

/** URL paths of the route handlers and files (favicon, icon) in app/, as a browser would ask for them. */
function appHandlerPaths(dir = APP, url = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue; // private folders: not routes
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name.replace(/^\[+\.*|\]+$/g, "")}`;
      found.push(...appHandlerPaths(path.join(dir, entry.name), url + segment));
    } else if (/^route\.tsx?$/.test(entry.name)) found.push(url || "/");
    else if (dir === APP && /\.(ico|svg|png|txt)$/.test(entry.name)) found.push(`/${entry.name}`);
  }
  return found;
}

describe("readers' page requests", () => {
  it("are the pages outside the studio, with or without a query, and unknown paths (their 404)", () => {
    for (const url of [
      "/",
      "/?ref=home",
      "/search",
      "/search?q=gout&page=2",
      "/articles/gout",
      "/articles/gout?utm_source=x",
      "/verify/gout",
      "/reviewers/abc",
      "/conditions",
      "/editorial-policy",
      "/no-such-page",
      "/articles/a.b",
    ])
      expect(isReadersPageRequest("GET", url, {}), url).toBe(true);
    expect(isReadersPageRequest("HEAD", "/search", {})).toBe(true);
  });

  it("are never studio, account or sign-in pages, files, route handlers or Next's client-router requests", () => {
    for (const url of [
      "/studio",
      "/studio/articles",
      "/signin?callbackUrl=/studio",
      "/account",
      "/forgot-password",
      "/_next/static/chunks/a.js",
      "/media/abc.webp",
      "/islands/feedback.js",
    ])
      expect(isReadersPageRequest("GET", url, {}), url).toBe(false);
    expect(isReadersPageRequest("POST", "/search", {})).toBe(false);
    expect(isReadersPageRequest("GET", "/articles/gout", { rsc: "1" })).toBe(false);
    expect(isReadersPageRequest("GET", "/articles/gout", { "next-router-prefetch": "1" })).toBe(false);
  });

  it("exclude every route handler and file found in app/", () => {
    const handlers = appHandlerPaths();
    expect(handlers).toEqual(expect.arrayContaining(["/healthz", "/rss.xml", "/api/feedback", "/media/file"]));
    expect(handlers.filter((url) => isReadersPageRequest("GET", url, {}))).toEqual([]);
  });
});
