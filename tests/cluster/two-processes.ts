// npm run test:cluster — moving a site to PostgreSQL, then two app processes on that one database, checked from
// outside over HTTP (part of npm test, after the production build). Each check prints what it saw and the run
// exits 1 on the first failure.
//   0. The demo site, deployed and seeded into a fresh SQLite file, is moved into an empty PostgreSQL database
//      by db:copy (row counts and the audit chain checked on the copy); a process serving the SQLite file and
//      one serving the copy return every published article page byte for byte the same.
//   1. A publication made by one process is served by the other to the next anonymous request (both had the
//      article's "not found" page cached before).
//   2. A scheduled publication fires exactly once while both processes' schedulers run and both are asked to
//      publish due articles at the same time, over and over.
//   3. The feedback rate limit holds across both: answers from one client alternate between the processes and
//      the total accepted is the limit, not twice it.
//   4. Killing one process in the middle of a feedback load loses no acknowledged answer.
// The database: PG_ADMIN_URL's cluster when set (scripts/test.sh starts one), else a throwaway cluster.
// Ports: CLUSTER_TEST_PORT (default 3950) and the next two.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import nodePath from "node:path";
import { Client } from "pg";
import { startCluster, type PgCluster } from "../../scripts/lib/pg-cluster";
import { withDatabase } from "../../scripts/lib/scratch-postgres";
import { ROOT } from "../../scripts/lib/schema-engine";
import { startAppProcesses, stopAppProcesses, type AppProcess } from "../../scripts/lib/app-processes";
import { toActor } from "../../lib/users/to-actor";
import { copyDatabase } from "../../scripts/lib/copy-database";
import { articlePath } from "../../lib/public/site";

const FEEDBACK_LIMIT = 3;

function check(ok: boolean, what: string, detail = ""): void {
  console.log(`${ok ? "  ✓" : "  ✗"} ${what}${detail ? ` (${detail})` : ""}`);
  if (!ok) throw new Error(`Check failed: ${what}`);
}

async function page(port: number, path: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual" });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

async function status(port: number, path: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual" });
  await res.arrayBuffer();
  return res.status;
}

async function main() {
  let cluster: PgCluster | undefined;
  const adminUrl = process.env.PG_ADMIN_URL ?? (cluster = await startCluster()).url;
  const name = `two_process_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), "imprimatur-cluster-test-"));
  const sqliteUrl = `file:${nodePath.join(dir, "site.db")}`;
  const base = Number(process.env.CLUSTER_TEST_PORT) || 3950;
  const tickSecret = randomBytes(16).toString("hex");
  let apps: AppProcess[] = [];
  let sqliteApp: AppProcess[] = [];

  // One audit key for the seed, the copy's verification and every process, as one site's .env would hold.
  process.env.AUDIT_HMAC_KEY ||= randomBytes(32).toString("hex");
  process.env.DATABASE_URL = url; // before the lib modules below create their clients
  const { createDb } = await import("../../lib/db/client");
  const { verifyAuditChain, describeReport } = await import("../../lib/audit/verify-chain");
  const { putSetting } = await import("../../lib/settings/settings");
  const { unpublishArticle } = await import("../../lib/publishing/unpublish-article");
  const { schedulePublication } = await import("../../lib/publishing/schedule-publication");
  const db = createDb(url);
  try {
    console.log("› Moving the seeded demo site from SQLite to PostgreSQL (db:copy)");
    // In child processes, as an operator would run them: the schema engine holds a SQLite file until its
    // process exits.
    const sqliteEnv = { ...process.env, DATABASE_URL: sqliteUrl, IMPRIMATUR_ALLOW_DEMO_SEED: "1" };
    for (const script of ["scripts/db-deploy.ts", "prisma/seed.ts"])
      execFileSync("npx", ["tsx", script], { cwd: ROOT, env: sqliteEnv, stdio: "pipe" });
    const copied = await copyDatabase(sqliteUrl, url);
    check(copied.tables.length > 0, "db:copy copied every table with matching row counts", `${copied.tables.length}`);
    const audit = await verifyAuditChain(db);
    check(audit.ok, "audit:verify passes on the copy", describeReport(audit));
    const appEnv = {
      AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY,
      IMPRIMATUR_TICK_SECRET: tickSecret,
      PUBLISH_TICK_SECONDS: "1",
      TRUSTED_PROXY_HOPS: "1",
    };
    const [starting, startingSqlite] = [
      startAppProcesses([base, base + 1], {
        env: { ...appEnv, DATABASE_URL: url, NEXTAUTH_URL: `http://127.0.0.1:${base}` },
      }),
      startAppProcesses([base + 2], {
        env: { ...appEnv, DATABASE_URL: sqliteUrl, NEXTAUTH_URL: `http://127.0.0.1:${base}` },
      }),
    ];
    [apps, sqliteApp] = await Promise.all([starting, startingSqlite]);
    const liveArticles = await db.article.findMany({
      where: { liveRevisionId: { not: null } },
      select: { slug: true, locale: true },
    });
    check(liveArticles.length > 0, "the copy has published articles", `${liveArticles.length}`);
    // Each at its readers' address: a translation lives under its language (/es/articles/…).
    for (const { slug, locale } of liveArticles) {
      const address = articlePath(slug, locale);
      const [fromSqlite, fromCopy] = [await page(base + 2, address), await page(base, address)];
      check(
        fromSqlite.status === 200 && fromCopy.status === 200 && fromSqlite.body.equals(fromCopy.body),
        `${address} is served byte for byte the same from the SQLite file and from the copy`,
        `${fromSqlite.body.length} and ${fromCopy.body.length} bytes`,
      );
    }
    await stopAppProcesses(sqliteApp);

    console.log("› Two app processes on one PostgreSQL database");
    const article = await db.article.findFirstOrThrow({ where: { liveRevisionId: { not: null } } });
    const editor = await db.user.findFirstOrThrow({
      where: { email: "editor@imprimatur.example" },
      include: { roles: true },
    });
    const editorActor = toActor(editor);
    await putSetting(db, "feedback.rateLimitPerWindow", FEEDBACK_LIMIT);
    await putSetting(db, "feedback.rateLimitWindowSeconds", 600);
    await unpublishArticle(db, editorActor, { articleId: article.id, reason: "Two-process test: publish again" });
    const [a, b] = apps;
    const path = articlePath(article.slug, article.locale);

    // Both processes had the page cached (served above): the unpublish, committed by another process (this one),
    // reaches their caches through NOTIFY within moments.
    for (const app of apps) {
      let code = 0;
      for (const until = Date.now() + 5_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100)))
        if ((code = await status(app.port, path)) === 404) break;
      check(code === 404, `:${app.port} drops its cached page once the unpublish commits elsewhere`);
    }
    // 1 + 2: both processes have the unpublished article's page cached as "not found"; then it is scheduled and
    // both are asked to publish due articles, concurrently, until it is live.
    for (const app of apps)
      for (let i = 0; i < 2; i++) check((await status(app.port, path)) === 404, `:${app.port} 404 before`);
    const publicationsBefore = await db.publication.count({ where: { articleId: article.id } });
    if (!article.currentRevisionId) throw new Error("the seeded article has no current revision");
    await schedulePublication(db, editorActor, {
      articleId: article.id,
      revisionId: article.currentRevisionId,
      publishAt: new Date(Date.now() + 6_000),
    });
    const deadline = Date.now() + 60_000;
    let live = false;
    while (!live && Date.now() < deadline) {
      await Promise.all(
        apps.flatMap((app) =>
          [0, 1].map(() =>
            fetch(`http://127.0.0.1:${app.port}/api/internal/publish-due`, {
              method: "POST",
              headers: { "x-imprimatur-tick": tickSecret },
            }).then((r) => r.arrayBuffer()),
          ),
        ),
      );
      live = (await db.article.findUniqueOrThrow({ where: { id: article.id } })).liveRevisionId !== null;
      if (!live) await new Promise((r) => setTimeout(r, 300));
    }
    check(live, "the scheduled article went live");
    for (let i = 0; i < 5; i++) {
      await Promise.all(
        apps.map((app) =>
          fetch(`http://127.0.0.1:${app.port}/api/internal/publish-due`, {
            method: "POST",
            headers: { "x-imprimatur-tick": tickSecret },
          }).then((r) => r.arrayBuffer()),
        ),
      );
    }
    const publications = (await db.publication.count({ where: { articleId: article.id } })) - publicationsBefore;
    const published = await db.auditEvent.count({
      where: { entityId: article.id, action: "article.published", at: { gte: new Date(deadline - 60_000) } },
    });
    check(
      publications === 1 && published === 1,
      "published exactly once",
      `${publications} publication(s), ${published} audit event(s)`,
    );
    for (const app of [b, a])
      check((await status(app.port, path)) === 200, `:${app.port} serves it to the next anonymous request`);

    // 3: one client, answers alternating between the processes.
    const revisionId = (await db.article.findUniqueOrThrow({ where: { id: article.id } })).liveRevisionId!;
    const answer = (port: number, client: string, comment: string) =>
      fetch(`http://127.0.0.1:${port}/api/feedback`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": client },
        body: JSON.stringify({ articleId: article.id, revisionId, helpful: true, comment }),
      }).then(async (r) => (await r.arrayBuffer(), r.status));
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push(await answer(apps[i % 2].port, "203.0.113.7", `limit ${i}`));
    const accepted = codes.filter((c) => c === 201).length;
    check(
      accepted === FEEDBACK_LIMIT && codes.filter((c) => c === 429).length === 8 - FEEDBACK_LIMIT,
      `rate limit ${FEEDBACK_LIMIT} holds across both processes`,
      codes.join(" "),
    );

    // 4: many clients, both processes; one is killed mid-way. Every 201 must be a stored row.
    const acknowledged: string[] = [];
    let sent = 0;
    let failed = 0;
    const TOTAL = 240;
    const worker = async () => {
      while (sent < TOTAL) {
        const n = sent++;
        if (n === TOTAL / 2) a.child.kill("SIGKILL");
        const comment = `load ${n}`;
        try {
          const code = await answer(apps[n % 2].port, `198.51.100.${n % 250}`, comment);
          if (code === 201) acknowledged.push(comment);
          else failed++;
        } catch {
          failed++; // the killed process: connection refused or reset, never acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    const stored = new Set(
      (await db.feedback.findMany({ where: { comment: { startsWith: "load " } }, select: { comment: true } })).map(
        (f) => f.comment,
      ),
    );
    const lost = acknowledged.filter((c) => !stored.has(c));
    check(
      acknowledged.length > TOTAL / 2 && lost.length === 0,
      "no acknowledged answer lost when a process is killed mid-load",
      `${acknowledged.length} acknowledged, ${failed} failed, ${stored.size} stored, ${lost.length} lost`,
    );
  } finally {
    await stopAppProcesses([...apps, ...sqliteApp]).catch(() => undefined);
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
    if (cluster) cluster.stop();
    else {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    }
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
