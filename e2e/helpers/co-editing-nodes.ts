// For the co-editing-nodes spec: Redis, two co-editing nodes sharing documents through it, and an app process
// that hands each new /collab socket to the next node in turn (COLLAB_NODES), all on their own ports over the
// run's database, started and stopped by the spec (which kills a node on purpose).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startAppProcess, type AppProcess } from "../../scripts/lib/app-processes";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server";
import { E2E_PORT } from "./env";
import { env, portOpen, waitFor } from "./co-editing-servers";

export const NODES_APP_PORT = E2E_PORT + 30;
export const NODE_PORTS = [E2E_PORT + 31, E2E_PORT + 32];
export const NODES_BASE_URL = `http://127.0.0.1:${NODES_APP_PORT}`;
const ROOT = path.resolve(__dirname, "..", "..");

export function startRedis(): Promise<RedisServer> {
  return startRedisServer({ port: E2E_PORT + 35, lastPort: E2E_PORT + 39 });
}

/** Co-editing node number `index` (its name: node-1, node-2…), sharing through `redis`. */
export async function startNode(index: number, redis: RedisServer): Promise<ChildProcess> {
  const port = NODE_PORTS[index];
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/collab-server.ts"], {
    cwd: ROOT,
    env: env({
      PORT: String(NODES_APP_PORT),
      COLLAB_PORT: String(port),
      COLLAB_REDIS_URL: redis.url,
      COLLAB_NODE_ID: `node-${index + 1}`,
      // A killed node's documents are taken over by the other after at most this long.
      COLLAB_LEASE_MS: "1500",
    }),
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitFor(() => portOpen(port), `Co-editing node ${index + 1}`);
  return child;
}

/** The app: /collab sockets to node 1, node 2, node 1… (the next one when a node is down). */
export function startNodesApp(): Promise<AppProcess> {
  return startAppProcess(NODES_APP_PORT, {
    env: env({
      PORT: String(NODES_APP_PORT),
      NEXTAUTH_URL: NODES_BASE_URL,
      COLLAB_PORT: "",
      COLLAB_NODES: NODE_PORTS.map((p) => `127.0.0.1:${p}`).join(","),
    }),
    host: "127.0.0.1",
    timeoutMs: 120_000,
  });
}
