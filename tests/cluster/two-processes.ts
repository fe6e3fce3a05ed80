// npm run test:cluster — two app processes on one PostgreSQL database, checked from outside over HTTP (part of
// npm test, after the production build). Each check prints what it saw and the run exits 1 on the first failure.
//   1. A publication made by one process is served by the other to the next anonymous request (both had the
//      article's "not found" page cached before).
//   2. A scheduled publication fires exactly once while both processes' schedulers run and both are asked to
//      publish due articles at the same time, over and over.
//   3. The feedback rate limit holds across both: answers from one client alternate between the processes and
//      the total accepted is the limit, not twice it.
//   4. Killing one process in the middle of a feedback load loses no acknowledged answer.
// The database: PG_ADMIN_URL's cluster when set (scripts/test.sh starts one), else a throwaway cluster.
// Ports: CLUSTER_TEST_PORT (default 3950) and the next one.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { startCluster, type PgCluster } from "../../scripts/lib/pg-cluster";
import { withDatabase } from "../../scripts/lib/scratch-postgres";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { startAppProcesses, stopAppProcesses, type AppProcess } from "../../scripts/lib/app-processes";
import { toActor } from "../../lib/users/to-actor";

const FEEDBACK_LIMIT = 3;

function check(ok: boolean, what: string, detail = ""): void {
  console.log(`${ok ? "  ✓" : "  ✗"} ${what}${detail ? ` (${detail})` : ""}`);
  if (!ok) throw new Error(`Check failed: ${what}`);
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
  const base = Number(process.env.CLUSTER_TEST_PORT) || 3950;
  const tickSecret = randomBytes(16).toString("hex");
  let apps: AppProcess[] = [];

  process.env.DATABASE_URL = url; // before the lib modules below create their clients
  const { createDb } = await import("../../lib/db/client");
  const { runSeed } = await import("../../prisma/seed");
  const { putSetting } = await import("../../lib/settings/settings");
  const { unpublishArticle } = await import("../../lib/publishing/unpublish-article");
  const { schedulePublication } = await import("../../lib/publishing/schedule-publication");
  const db = createDb(url);
  try {
    console.log("› Two app processes on one PostgreSQL database");
    await applyMigrations(url);
    await runSeed();
    const article = await db.article.findFirstOrThrow({ where: { liveRevisionId: { not: null } } });
    const editor = await db.user.findFirstOrThrow({
      where: { email: "editor@imprimatur.example" },
      include: { roles: true },
    });
    const editorActor = toActor(editor);
    await putSetting(db, "feedback.rateLimitPerWindow", FEEDBACK_LIMIT);
    await putSetting(db, "feedback.rateLimitWindowSeconds", 600);
    await unpublishArticle(db, editorActor, { articleId: article.id, reason: "Two-process test: publish again" });

    apps = await startAppProcesses([base, base + 1], {
      DATABASE_URL: url,
      NEXTAUTH_URL: `http://127.0.0.1:${base}`,
      IMPRIMATUR_TICK_SECRET: tickSecret,
      PUBLISH_TICK_SECONDS: "1",
      TRUSTED_PROXY_HOPS: "1",
    });
    const [a, b] = apps;
    const path = `/articles/${article.slug}`;

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
    await stopAppProcesses(apps).catch(() => undefined);
    await db.$disconnect();
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
