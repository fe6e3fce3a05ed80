// npm run start:cluster [-- --processes 2 --port 3000]
// Several app processes on one PostgreSQL database behind a local round-robin proxy, for development and for
// trying out what a multi-server deployment does (docs/operations.md describes the same with any reverse
// proxy). DATABASE_URL must be postgres://…; without one, a throwaway PostgreSQL cluster is started in a
// temporary folder (PG_PORT, default 5439), migrated and seeded with the demo site, and removed on exit.
// Needs a production build (npm run build). The proxy listens on --port; the processes on the ports after it.
import { startCluster, type PgCluster } from "./lib/pg-cluster";
import { startRoundRobinProxy } from "./lib/round-robin-proxy";
import { startAppProcesses, stopAppProcesses } from "./lib/app-processes";
import { dialectForUrl } from "../lib/db/dialects/dialect-for-url";
import { existsSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { Client } from "pg";
import { ROOT } from "./lib/schema-engine";
import { withDatabase } from "./lib/scratch-postgres";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

async function main() {
  const processes = option("processes", 2);
  const port = option("port", Number(process.env.PORT) || 3000);
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error("No production build: run npm run build first.");
    process.exit(1);
  }
  let cluster: PgCluster | undefined;
  let url = process.env.DATABASE_URL ?? "";
  if (!url || dialectForUrl(url).name !== "postgresql") {
    console.log("› DATABASE_URL is not postgres://: starting a throwaway PostgreSQL cluster with the demo site");
    cluster = await startCluster({ durable: true });
    const admin = new Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE imprimatur`);
    await admin.end();
    url = withDatabase(cluster.url, "imprimatur");
    const env = { ...process.env, DATABASE_URL: url };
    execFileSync("npx", ["tsx", "scripts/db-deploy.ts"], { cwd: ROOT, env, stdio: "inherit" });
    execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: ROOT, env, stdio: "inherit" });
  }
  const ports = Array.from({ length: processes }, (_, i) => port + 1 + i);
  console.log(`› Starting ${processes} app processes on ports ${ports.join(", ")}`);
  const apps = await startAppProcesses(ports, {
    env: {
      DATABASE_URL: url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      // The proxy sets X-Forwarded-For: rate limits key on the reader's address, not the proxy's.
      TRUSTED_PROXY_HOPS: "1",
    },
    log: (line) => console.log(line),
  });
  const proxy = await startRoundRobinProxy(
    ports.map((p) => ({ host: "127.0.0.1", port: p })),
    port,
  );
  console.log(`› Serving on http://localhost:${port} (round robin over ${processes} processes). Ctrl-C stops all.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await proxy.close();
    await stopAppProcesses(apps);
    cluster?.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
