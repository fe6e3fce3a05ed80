// The authorization map, tried at run time: every route handler, server action and page found in the file tree
// (tests/security/entry-points.ts) is called against the running build as each role and signed out, and the
// answer must match the policy (lib/auth/policy.ts): refused (sign-in redirect, 401, UNAUTHENTICATED) when
// signed out, refused (403, FORBIDDEN) for a role without the permission, let through otherwise. Server actions
// are called the way the browser calls them (POST with the `Next-Action` id from the build's server reference
// manifest) with an input no schema accepts, so a call that gets past the guard stops at the input check and
// changes nothing; the test checks that no probing person left an audit event and the probed article is as it was.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { can, PERMISSIONS, type Actor, type Permission } from "../lib/auth/policy";
import { ROLES, type Role } from "../lib/auth/roles";
import { createArticle } from "../lib/articles/create-article";
import { findEntryPoints, type EntryPoint } from "../tests/security/entry-points";
import { e2eDb } from "./helpers/db";
import { E2E_BASE_URL } from "./helpers/env";
import { createTestUser, type TestUser } from "./helpers/factory";

const ROOT = path.resolve(__dirname, "..");
const entries = findEntryPoints(ROOT);

type Identity = { label: string; role: Role | null; user: TestUser | null; api: APIRequestContext };
/** The answer to one call, reduced to what the policy decides. */
type Outcome = "allowed" | "signed-out" | "forbidden" | "server-error";

interface ServerActionRecord {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/** Server actions of the build: id, source file and export, and a page that bundles it (where it is posted). */
function builtActions() {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ServerActionRecord> };
  return Object.entries(manifest.node).map(([id, record]) => ({
    id,
    key: `${record.filename}#${record.exportedName}`,
    // "app/studio/articles/[id]/edit/page" → "/studio/articles/[id]/edit"
    pages: Object.keys(record.workers)
      .filter((w) => w.endsWith("/page"))
      .map((w) =>
        ("/" + w.replace(/^app\//, "").replace(/\/?page$/, ""))
          .split("/")
          .filter((s) => !/^\(.*\)$/.test(s))
          .join("/"),
      )
      .map((p) => p.replace(/\/$/, "") || "/"),
  }));
}

let params: Record<string, string>;
/** Params that name no real row: an allowed role may then get 404 instead of 200. */
const PLACEHOLDERS = new Set(["[token]", "[file]", "[refId]", "[id]@media"]);
let identities: Identity[] = [];
let probedUsers: TestUser[] = [];
let articleBefore: { updatedAt: Date; draftUpdatedAt: Date | null; revisions: number; status: string };
let auditCountBefore = 0;
/** How many calls ended each way, printed at the end so a run shows what was tried. */
const tally = new Map<string, number>();
function count(kind: string, outcome: Outcome) {
  tally.set(`${kind} ${outcome}`, (tally.get(`${kind} ${outcome}`) ?? 0) + 1);
}

function fill(urlPath: string): { url: string; placeholder: boolean } {
  let placeholder = false;
  const url = urlPath.replace(/\[\.{0,3}[\w]+\]/g, (segment) => {
    const key = segment === "[id]" && urlPath.includes("/media/") ? "[id]@media" : segment;
    if (PLACEHOLDERS.has(key)) placeholder = true;
    return params[key] ?? params[segment];
  });
  return { url, placeholder };
}

function actorOf(identity: Identity): Pick<Actor, "status" | "roles"> | null {
  return identity.role ? { status: "ACTIVE", roles: [identity.role] } : null;
}

function isPermission(value: string | null): value is Permission {
  return value !== null && (PERMISSIONS as readonly string[]).includes(value);
}

function expected(entry: Pick<EntryPoint, "permission" | "openBecause">, identity: Identity): Outcome {
  if (entry.openBecause) return "allowed";
  if (!identity.role) return "signed-out";
  return isPermission(entry.permission) && can(actorOf(identity), entry.permission) ? "allowed" : "forbidden";
}

async function signInAs(user: TestUser): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in of ${user.email}`).toBeLessThan(400);
  const session = (await (await api.get("/api/auth/session")).json()) as { user?: { id?: string } };
  expect(session.user?.id, `session of ${user.email}`).toBe(user.id);
  return api;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = e2eDb();
  const users = {} as Record<Role, TestUser>;
  for (const role of ROLES) users[role] = await createTestUser({ roles: [role] });
  probedUsers = Object.values(users);
  const writer = users.WRITER;
  const article = await createArticle(db, writer, {
    title: `Authorization probe ${Date.now()}`,
    template: "condition",
  });
  const published = await db.article.findFirst({ where: { status: "PUBLISHED" }, select: { slug: true } });
  const reviewer = await db.user.findFirst({ where: { roles: { some: { role: "REVIEWER" } } }, select: { id: true } });
  params = {
    "[id]": article.id,
    "[articleId]": article.id,
    "[slug]": published?.slug ?? "no-such-article",
    "[id]@media": "no-such-media-item",
    "[refId]": "no-such-reference",
    "[token]": "no-such-calendar-token",
    "[file]": "0000000000000000000000000000000000000000000000000000000000000000.webp",
    "[...nextauth]": "session",
  };
  // /reviewers/[id] and /writers/[id] are the other [id]s: public profiles (a writer's only for an author of a
  // live article).
  params["[id]@reviewer"] = reviewer?.id ?? "no-such-reviewer";
  const liveAuthor = await db.articleAuthor.findFirst({
    where: { article: { liveRevisionId: { not: null } } },
    select: { userId: true },
  });
  params["[id]@writer"] = liveAuthor?.userId ?? "no-such-writer";

  identities = [
    { label: "signed out", role: null, user: null, api: await playwrightRequest.newContext({ baseURL: E2E_BASE_URL }) },
  ];
  for (const role of ROLES) identities.push({ label: role, role, user: users[role], api: await signInAs(users[role]) });

  const row = await db.article.findUniqueOrThrow({
    where: { id: article.id },
    include: { draft: true, _count: { select: { revisions: true } } },
  });
  articleBefore = {
    updatedAt: row.updatedAt,
    draftUpdatedAt: row.draft?.updatedAt ?? null,
    revisions: row._count.revisions,
    status: row.status,
  };
  auditCountBefore = await db.auditEvent.count({ where: { actorId: { in: probedUsers.map((u) => u.id) } } });
});

test.afterAll(async () => {
  console.log(`authorization calls: ${[...tally].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  for (const identity of identities) await identity.api.dispose();
});

test("the entry points found in the file tree are the ones the build serves", () => {
  const fromTree = new Set(entries.filter((e) => e.kind === "action").map((e) => `${e.file}#${e.name}`));
  const fromBuild = new Set(builtActions().map((a) => a.key));
  expect(
    [...fromBuild].filter((k) => !fromTree.has(k)),
    "server actions the file-tree scan missed",
  ).toEqual([]);
  expect(
    [...fromTree].filter((k) => !fromBuild.has(k)),
    "server actions the build does not serve",
  ).toEqual([]);

  const routes = JSON.parse(readFileSync(path.join(ROOT, ".next", "app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const built = Object.entries(routes)
    .filter(([key]) => key.endsWith("/route") || key.endsWith("/page"))
    .filter(([, url]) => !url.startsWith("/_") && !/\.(ico|svg|png)$/.test(url))
    .map(([, url]) => url);
  const tree = new Set(entries.filter((e) => e.urlPath).map((e) => e.urlPath));
  expect(
    built.filter((url) => !tree.has(url)),
    "routes and pages the file-tree scan missed",
  ).toEqual([]);

  const unguarded = entries.filter((e) => !e.permission && !e.openBecause).map((e) => `${e.file}#${e.name}`);
  expect(unguarded, "entry points with no guard (tests/security/entry-points.ts says how to add one)").toEqual([]);
});

function pageOutcome(status: number, location: string | null): Outcome {
  if (status >= 500) return "server-error";
  if (status === 403) return "forbidden";
  if (status >= 300 && status < 400 && location && new URL(location, E2E_BASE_URL).pathname === "/signin")
    return "signed-out";
  return "allowed";
}

/** The identities, by label, known before beforeAll signs them in: one test each, so that a test's time is one
 * identity's calls, not every identity's one after another (which a loaded machine stretched past the timeout). */
const IDENTITY_LABELS = ["signed out", ...ROLES];
const identityLabelled = (label: string) => identities.find((i) => i.label === label)!;

for (const label of IDENTITY_LABELS)
  test(`pages answer ${label === "signed out" ? "someone signed out" : label} as the policy says`, async () => {
    const identity = identityLabelled(label);
    const mismatches: string[] = [];
    for (const entry of entries.filter((e) => e.kind === "page")) {
      const urlPath = entry.urlPath!.startsWith("/reviewers/")
        ? entry.urlPath!.replace("[id]", params["[id]@reviewer"])
        : entry.urlPath!.startsWith("/writers/")
          ? entry.urlPath!.replace("[id]", params["[id]@writer"])
          : entry.urlPath!;
      const { url, placeholder } = fill(urlPath);
      const res = await identity.api.get(url, { maxRedirects: 0 });
      const got = pageOutcome(res.status(), res.headers()["location"] ?? null);
      const want = expected(entry, identity);
      count("page", got);
      // Let through: the page, a redirect elsewhere on this site (a signed-in person at /signin goes to the
      // studio), or 404 when the params name no real row.
      const status = res.status();
      const okStatus =
        status === 200 ||
        (status >= 300 &&
          status < 400 &&
          new URL(res.headers()["location"] ?? "", E2E_BASE_URL).origin === E2E_BASE_URL) ||
        (placeholder && status === 404);
      if (got !== want || (want === "allowed" && !okStatus))
        mismatches.push(`${identity.label} GET ${url}: ${res.status()} (${got}), policy says ${want}`);
    }
    expect(mismatches).toEqual([]);
  });

/**
 * A refusal counts as the guard's when it names the entry point's own permission (lib/auth/policy.ts assertCan
 * puts it in details.permission). Any other 403 comes from a rule further in (e.g. reviewers read but do not
 * edit an article), after the guard let the call through.
 */
function refusalOutcome(
  status: number,
  error: { code?: string; details?: { permission?: string } } | undefined,
  permission: string | null,
): Outcome {
  if (status >= 500) return "server-error";
  if (error?.code === "UNAUTHENTICATED") return "signed-out";
  if (error?.code === "FORBIDDEN" && error.details?.permission === permission) return "forbidden";
  return "allowed";
}

for (const label of IDENTITY_LABELS)
  test(`route handlers answer ${label === "signed out" ? "someone signed out" : label} as the policy says`, async () => {
    const identity = identityLabelled(label);
    const mismatches: string[] = [];
    for (const entry of entries.filter((e) => e.kind === "route")) {
      const { url } = fill(entry.urlPath!);
      // A JSON string where every handler wants an object or nothing: past the guard it is refused as input.
      const res = await identity.api.fetch(url, {
        method: entry.name,
        headers: { "content-type": "application/json", origin: E2E_BASE_URL },
        data: ["GET", "HEAD", "DELETE"].includes(entry.name) ? undefined : JSON.stringify("authorization-probe"),
        maxRedirects: 0,
      });
      const status = res.status();
      const error =
        status === 401 || status === 403
          ? ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error
          : undefined;
      const got = status === 401 && !error ? "signed-out" : refusalOutcome(status, error, entry.permission);
      const want = expected(entry, identity);
      count("route", got);
      if (got !== want)
        mismatches.push(
          `${identity.label} ${entry.name} ${url}: ${status} ${JSON.stringify(error ?? null)}, policy says ${want}`,
        );
    }
    expect(mismatches).toEqual([]);
  });

for (const label of IDENTITY_LABELS)
  test(`server actions answer ${label === "signed out" ? "someone signed out" : label} as the policy says`, async () => {
    const identity = identityLabelled(label);
    const permissionOf = new Map(entries.filter((e) => e.kind === "action").map((e) => [`${e.file}#${e.name}`, e]));
    // Open actions last: one of them (sign out) ends the caller's session.
    const actions = builtActions().sort(
      (a, b) => Number(!!permissionOf.get(a.key)?.openBecause) - Number(!!permissionOf.get(b.key)?.openBecause),
    );
    const mismatches: string[] = [];
    for (const action of actions) {
      const entry = permissionOf.get(action.key)!;
      const { url } = fill(action.pages[0] ?? "/");
      const res = await identity.api.post(url, {
        headers: {
          "next-action": action.id,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin: E2E_BASE_URL,
        },
        data: JSON.stringify(["authorization-probe"]),
        maxRedirects: 0,
      });
      const body = await res.text();
      // The action's result is the second line of the RSC answer: 1:{"ok":false,"code":…,"details":…}
      const result = /^1:(\{"ok":.*)$/m.exec(body)?.[1];
      const error = result ? (JSON.parse(result) as { ok: boolean; code?: string; details?: unknown }) : undefined;
      const code = error?.code ?? null;
      const got: Outcome =
        res.status() >= 500
          ? "server-error"
          : refusalOutcome(
              res.status(),
              {
                code: error?.code,
                details: typeof error?.details === "object" ? (error.details as object) : undefined,
              },
              entry.permission,
            );
      const want = expected(entry, identity);
      count("action", got);
      // Past the guard, the input check must be what stops the call (nothing ran).
      const stoppedAtInput = entry.openBecause || code === "VALIDATION";
      if (got !== want || (want === "allowed" && !stoppedAtInput))
        mismatches.push(
          `${identity.label} ${action.key}: ${res.status()} ${code ?? body.slice(0, 120)}, policy says ${want}`,
        );
    }
    expect(mismatches).toEqual([]);
  });

test("the server actions called as each identity changed nothing but ending each one's session", async () => {
  const db = e2eDb();
  // The one thing an action changed: each identity's sign-out ended its own session (and said so).
  const probed = { actorId: { in: probedUsers.map((u) => u.id) } };
  expect(await db.auditEvent.count({ where: { ...probed, action: { not: "auth.signed_out" } } })).toBe(
    auditCountBefore,
  );
  expect(await db.auditEvent.count({ where: { ...probed, action: "auth.signed_out" } })).toBe(probedUsers.length);
  const row = await db.article.findUniqueOrThrow({
    where: { id: params["[id]"] },
    include: { draft: true, _count: { select: { revisions: true } } },
  });
  expect({
    updatedAt: row.updatedAt,
    draftUpdatedAt: row.draft?.updatedAt ?? null,
    revisions: row._count.revisions,
    status: row.status,
  }).toEqual(articleBefore);
});
