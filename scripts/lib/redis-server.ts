// A throwaway Redis server in a temporary folder, for tests, benches and `start:cluster` (co-editing nodes share
// documents through it). Debian's `redis-server` (REDIS_SERVER to use another binary), loopback only, no
// persistence (nothing in it outlives the co-editing nodes: the working drafts are in the database), on the first
// free port from REDIS_PORT (default 6390). Stopped and removed with stop() or when this process exits.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface RedisServer {
  port: number;
  /** redis://127.0.0.1:PORT */
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function redisServerBinary(): string {
  const bin = process.env.REDIS_SERVER || "/usr/bin/redis-server";
  if (!existsSync(bin)) {
    throw new Error(`${bin} not found: install Debian's package (apt-get install -y redis-server) or set REDIS_SERVER`);
  }
  return bin;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function startRedisServer(options: { port?: number; lastPort?: number } = {}): Promise<RedisServer> {
  const first = options.port ?? Number(process.env.REDIS_PORT || 6390);
  const last = options.lastPort ?? first + 9;
  let port = first;
  while (port <= last && !(await portIsFree(port))) port++;
  if (port > last) throw new Error(`No free port for Redis in ${first}–${last}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-redis-"));
  const child = spawn(
    redisServerBinary(),
    [
      ...["--port", String(port), "--bind", "127.0.0.1", "--dir", dir],
      ...["--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes"],
      ...["--unixsocket", "", "--loglevel", "warning", "--logfile", ""],
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const cleanUp = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", cleanUp);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    process.off("exit", cleanUp);
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready once it answers PING (the port alone can be open before it accepts commands).
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output}`);
    if (await answersPing(port)) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`redis-server did not answer on port ${port} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, url: `redis://127.0.0.1:${port}`, child, stop };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}
