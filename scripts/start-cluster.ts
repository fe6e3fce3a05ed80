// npm run start:cluster [-- --processes 2 --collab-nodes 2 --port 3000]
// Several app processes on one PostgreSQL database behind a local round-robin proxy, and co-editing nodes, for
// development and for trying out what a multi-server deployment does (docs/operations.md describes the same with
// any reverse proxy). DATABASE_URL must be postgres://…; without one, a throwaway PostgreSQL cluster is started in
// a temporary folder (PG_PORT, default 5439), migrated and seeded with the demo site, and removed on exit.
// Needs a production build (npm run build). The proxy listens on --port; the app processes on the ports after it,
// the co-editing nodes on the ports after those. With more than one node (--collab-nodes, default 2) a throwaway
// Redis (REDIS_PORT, default 6390) lets them share documents; every app process hands /collab sockets to the
// nodes in turn, each starting at another node (COLLAB_NODES, COLLAB_NODE_OFFSET).
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
import { startRedisServer, type RedisServer } from "./lib/redis-server";
import { loadDotEnv } from "./lib/load-env";
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/** A co-editing node (scripts/collab-server.ts) on `port`, sharing through `redis` when given. */
async function startCollabNode(index: number, port: number, databaseUrl: string, redis: RedisServer | null) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "collab-server.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      COLLAB_PORT: String(port),
      COLLAB_NODE_ID: `node-${index + 1}`,
      ...(redis ? { COLLAB_REDIS_URL: redis.url } : {}),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const until = Date.now() + 60_000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null) throw new Error(`co-editing node ${index + 1} exited (${child.exitCode})`);
    if (Date.now() > until) throw new Error(`co-editing node ${index + 1} did not listen on ${port} within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

async function main() {
  loadDotEnv(path.join(ROOT, ".env"));
  const processes = option("processes", 2);
  const collabNodes = option("collab-nodes", 2);
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
  const nodePorts = Array.from({ length: collabNodes }, (_, i) => port + 1 + processes + i);
  const redis = collabNodes > 1 ? await startRedisServer() : null;
  if (redis) console.log(`› Redis for the co-editing nodes on ${redis.url}`);
  console.log(`› Starting ${collabNodes} co-editing node(s) on ports ${nodePorts.join(", ")}`);
  const nodes: ChildProcess[] = [];
  // However this script ends (a failed start included), the nodes end with it.
  process.once("exit", () => nodes.forEach((node) => node.exitCode === null && node.kill("SIGTERM")));
  for (const [i, p] of nodePorts.entries()) nodes.push(await startCollabNode(i, p, url, redis));
  console.log(`› Starting ${processes} app processes on ports ${ports.join(", ")}`);
  const apps = await Promise.all(
    ports.map((p, i) =>
      startAppProcesses([p], {
        env: {
          DATABASE_URL: url,
          NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
          // The proxy sets X-Forwarded-For: rate limits key on the reader's address, not the proxy's.
          TRUSTED_PROXY_HOPS: "1",
          // The nodes run on their own (above); each app process starts its turn at another node.
          COLLAB_NODES: nodePorts.map((n) => `127.0.0.1:${n}`).join(","),
          COLLAB_NODE_OFFSET: String(i),
        },
        log: (line) => console.log(line),
      }),
    ),
  ).then((started) => started.flat());
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
    await Promise.all(
      nodes.map(
        (node) =>
          new Promise((resolve) =>
            node.exitCode !== null ? resolve(null) : (node.once("exit", resolve), node.kill("SIGTERM")),
          ),
      ),
    );
    await redis?.stop();
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
