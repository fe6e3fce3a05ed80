// npm run test:db-copy — moving a site from SQLite to PostgreSQL, checked end to end (after a build): the demo
// site is deployed and seeded into a fresh SQLite file, `npm run db:copy` moves it into an empty PostgreSQL
// database (its own row-count and audit:verify checks must pass), then one app process serves the SQLite file
// and another the copy, and every published article page must come back byte for byte the same from both.
// The database: PG_ADMIN_URL's cluster when set (scripts/test.sh starts one), else a throwaway cluster.
// Ports: CLUSTER_TEST_PORT + 2 and + 3 (default 3952, 3953).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { startCluster, type PgCluster } from "../../scripts/lib/pg-cluster";
import { withDatabase } from "../../scripts/lib/scratch-postgres";
import { ROOT } from "../../scripts/lib/schema-engine";
import { startAppProcesses, stopAppProcesses, type AppProcess } from "../../scripts/lib/app-processes";
import { createDb } from "../../lib/db/client";

function check(ok: boolean, what: string, detail = ""): void {
  console.log(`${ok ? "  ✓" : "  ✗"} ${what}${detail ? ` (${detail})` : ""}`);
  if (!ok) throw new Error(`Check failed: ${what}`);
}

async function page(port: number, urlPath: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { redirect: "manual" });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

async function main() {
  let cluster: PgCluster | undefined;
  const adminUrl = process.env.PG_ADMIN_URL ?? (cluster = await startCluster()).url;
  const name = `db_copy_${randomBytes(4).toString("hex")}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-db-copy-"));
  const sqliteUrl = `file:${path.join(dir, "site.db")}`;
  const pgUrl = withDatabase(adminUrl, name);
  const base = (Number(process.env.CLUSTER_TEST_PORT) || 3950) + 2;
  // One audit key for the seed, the copy's verification and both servers, as one site's .env would hold.
  const env = {
    ...process.env,
    AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY || randomBytes(32).toString("hex"),
    IMPRIMATUR_ALLOW_DEMO_SEED: "1",
  };
  let apps: AppProcess[] = [];
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  try {
    console.log("› Moving the seeded demo site from SQLite to PostgreSQL");
    const run = (args: string[], databaseUrl: string) =>
      execFileSync("npx", ["tsx", ...args], { cwd: ROOT, env: { ...env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
    run(["scripts/db-deploy.ts"], sqliteUrl);
    run(["prisma/seed.ts"], sqliteUrl);
    const out = run(["scripts/db-copy.ts", "--from", sqliteUrl, "--to", pgUrl], sqliteUrl).toString();
    const verified = /Audit chain intact/.test(out);
    check(verified, "db:copy copied every table with matching row counts and the audit chain verifies", lastLine(out));
    const audit = run(["scripts/audit-verify.ts"], pgUrl).toString();
    check(/Audit chain intact/.test(audit), "audit:verify passes on the copy", lastLine(audit));

    const source = createDb(sqliteUrl);
    const articles = await source.article.findMany({
      where: { liveRevisionId: { not: null } },
      select: { slug: true },
    });
    await source.$disconnect();
    check(articles.length > 0, "the demo site has published articles", `${articles.length}`);

    apps = [
      ...(await startAppProcesses([base], { ...stringEnv(env), DATABASE_URL: sqliteUrl })),
      ...(await startAppProcesses([base + 1], { ...stringEnv(env), DATABASE_URL: pgUrl })),
    ];
    for (const { slug } of articles) {
      const urlPath = `/articles/${slug}`;
      const [fromSqlite, fromPostgres] = [await page(base, urlPath), await page(base + 1, urlPath)];
      check(
        fromSqlite.status === 200 && fromPostgres.status === 200 && fromSqlite.body.equals(fromPostgres.body),
        `${urlPath} is served byte for byte the same from the copy`,
        `${fromSqlite.body.length} and ${fromPostgres.body.length} bytes`,
      );
    }
  } finally {
    await stopAppProcesses(apps).catch(() => undefined);
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

function lastLine(text: string): string {
  return text.trim().split("\n").pop() ?? "";
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string"));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
