// Every way into the application, found from the file tree, with the guard each one declares. Used by the
// authorization tests (tests/security/entry-points.test.ts checks every entry point has a guard; the e2e spec
// e2e/authorization.spec.ts calls each one as every role and signed out).
//
// A guard is read from the code itself, so a new entry point needs no table entry as long as it uses the
// standard guards: `authedRoute("<permission>", …)` or `authedJsonRoute({ permission: "<permission>", … })` for
// route handlers, `action({ permission: "<permission>" … })` for server actions, `requirePermission("<permission>",
// …)` for pages (or `assertCan(actor, "<permission>")` after `getActor()` in a route handler that cannot use the
// wrapper). Entry points that are deliberately open
// are listed in OPEN_ENTRY_POINTS with the reason; anything else fails the test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type EntryKind = "route" | "action" | "page";

export interface EntryPoint {
  kind: EntryKind;
  /** Repository-relative file. */
  file: string;
  /** HTTP method (routes) or exported function (actions); "page" for pages. */
  name: string;
  /** The URL path pattern (routes and pages), e.g. /api/studio/articles/[id]/draft. */
  urlPath: string | null;
  /** The permission the guard checks, or null when none was found. */
  permission: string | null;
  /** Set when the entry point is deliberately open (from OPEN_ENTRY_POINTS). */
  openBecause?: string;
}

/** `<file>#<name>` → why it has no permission guard. Keep the reason specific. */
export const OPEN_ENTRY_POINTS: Record<string, string> = {
  "app/(public)/page.tsx#page": "readers' home page",
  "app/(public)/articles/[slug]/page.tsx#page": "published article (public)",
  "app/(public)/editorial-policy/page.tsx#page": "public policy page",
  "app/(public)/reviewers/[id]/page.tsx#page": "public reviewer profile",
  "app/(public)/writers/[id]/page.tsx#page": "public writer profile (only for authors of a live article)",
  "app/(public)/lay-review/page.tsx#page":
    "lay reader's page: guarded by the single-use link's token (only its hash is stored), rate-limited, no staff data",
  "app/(public)/lay-review/actions.ts#submitLayReviewAction":
    "lay reader's answers: guarded by the single-use link's token, rate-limited per client address",
  "app/(public)/rss.xml/route.ts#GET": "public feed",
  "app/(public)/sitemap.xml/route.ts#GET": "public sitemap",
  "app/api/feedback/route.ts#POST": "readers' feedback: anonymous by design, rate-limited, cross-site refused",
  "app/api/auth/[...nextauth]/route.ts#GET": "next-auth's own endpoints (session, CSRF token, sign-in pages)",
  "app/api/auth/[...nextauth]/route.ts#POST": "sign-in itself: next-auth CSRF token, throttled, cross-site refused",
  "app/api/internal/publish-due/route.ts#POST": "scheduler tick: answers 404 without the per-process secret header",
  "app/signin/page.tsx#page": "the sign-in form",
  "app/signout/page.tsx#page": "shows a sign-out button (GET never signs out)",
  "app/signout/actions.ts#signOutAction": "ends the caller's own session (its row, its cookies); nothing else",
  "app/forgot-password/page.tsx#page": "asks for an address; same answer whether or not it exists",
  "app/forgot-password/actions.ts#requestPasswordResetAction":
    "sends a reset link; throttled, same answer for any address",
  "app/reset-password/page.tsx#page": "guarded by the single-use reset token in the link",
  "app/reset-password/actions.ts#resetPasswordAction": "guarded by the single-use reset token",
  "app/reset-password/actions.ts#acceptInvitationAction": "guarded by the single-use invitation token",
  "app/invite/page.tsx#page": "guarded by the single-use invitation token in the link",
  "app/(public)/verify/[slug]/page.tsx#page": "public check of a published article's content hash and approval",
  "app/api/calendar/[token]/route.ts#GET":
    "calendar feed: guarded by the person's secret feed token (only its hash is stored; regenerable)",
  "app/media/[file]/route.ts#GET": "image files of published and draft articles, addressed by content hash",
  "app/(public)/conditions/page.tsx#page": "public Conditions A–Z (published articles only)",
  "app/(public)/search/page.tsx#page": "public site search (published text only)",
  "app/(localized)/es/page.tsx#page": "readers' home page in Spanish",
  "app/(localized)/es/articles/[slug]/page.tsx#page": "published Spanish article (public)",
  "app/(localized)/es/editorial-policy/page.tsx#page": "public policy page in Spanish",
  "app/(localized)/es/conditions/page.tsx#page": "public Conditions A–Z in Spanish (published articles only)",
  "app/(localized)/es/search/page.tsx#page": "public site search in Spanish (published text only)",
  "app/(localized)/es/rss.xml/route.ts#GET": "public feed of the Spanish articles",
  "app/api/v1/openapi.json/route.ts#GET": "public description of the read-only content API",
  "app/api/v1/articles/route.ts#GET": "read-only content API: published articles only, rate-limited per client",
  "app/api/v1/articles/[slug]/route.ts#GET": "read-only content API: one published article, rate-limited per client",
  "app/healthz/route.ts#GET":
    "liveness probe for load balancers: says that the process is up and which release and migration it runs",
  "app/readyz/route.ts#GET":
    "readiness probe for load balancers: database, Redis and object store when configured; names only, no data",
};

const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** /app/(public)/articles/[slug]/page.tsx → /articles/[slug] (route groups and private folders dropped). */
function urlPathOf(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

export function findEntryPoints(root: string): EntryPoint[] {
  const files = walk(path.join(root, "app"))
    .map((f) => path.relative(root, f).split(path.sep).join("/"))
    .filter((f) => !f.split("/").some((s) => s.startsWith("_")));
  const entries: EntryPoint[] = [];
  for (const file of files.sort()) {
    const source = readFileSync(path.join(root, file), "utf8");
    const base = path.basename(file);
    if (base === "route.ts") {
      const inline = /getActor\(\)[\s\S]*assertCan\(actor, "([\w.]+)"/.exec(source)?.[1] ?? null;
      for (const method of ROUTE_METHODS) {
        const wrapped =
          new RegExp(`export const ${method}\\s*=\\s*authedRoute(?:<[^>]*>)?\\(\\s*"([\\w.]+)"`).exec(source) ??
          new RegExp(
            `export const ${method}\\s*=\\s*authedJsonRoute(?:<[^>]*>)?\\(\\s*\\{[^}]*permission:\\s*"([\\w.]+)"`,
          ).exec(source);
        // Any export named after a method is a handler, whatever wraps it (`export const GET = someWrapper(…)`).
        const declared =
          wrapped ||
          new RegExp(`export const ${method}\\s*[=:]`).test(source) ||
          new RegExp(`export (async )?function ${method}\\b`).test(source) ||
          new RegExp(`export \\{[^}]*\\bas ${method}\\b`).test(source) ||
          new RegExp(`export \\{[^}]*\\b${method}\\b[^}]*\\}`).test(source);
        if (!declared) continue;
        entries.push({
          kind: "route",
          file,
          name: method,
          urlPath: urlPathOf(file),
          permission: wrapped?.[1] ?? inline,
        });
      }
    } else if (base === "page.tsx") {
      const permission = /requirePermission\(\s*"([\w.]+)"/.exec(source)?.[1] ?? null;
      entries.push({ kind: "page", file, name: "page", urlPath: urlPathOf(file), permission });
    } else if (/^\s*["']use server["']/.test(source)) {
      for (const m of source.matchAll(/export (?:const|async function|function) (\w+)/g)) {
        const name = m[1];
        const definition = new RegExp(
          `export const ${name}\\s*=\\s*action(?:<[^>]*>)?\\(\\s*\\{[^}]*permission:\\s*"([\\w.]+)"`,
        ).exec(source);
        entries.push({ kind: "action", file, name, urlPath: null, permission: definition?.[1] ?? null });
      }
    }
  }
  for (const e of entries) {
    const reason = OPEN_ENTRY_POINTS[`${e.file}#${e.name}`];
    if (reason) e.openBecause = reason;
  }
  return entries;
}
