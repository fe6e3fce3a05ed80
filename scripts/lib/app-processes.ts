// Starts built app processes (server.ts, as `npm start` does: Next behind the readers' page cache) on consecutive
// ports and waits until each answers /readyz. Each is one Node process (tsx loaded with --import, no wrapper), so
// killing it kills the server.
// Used by npm run start:cluster and the two-process tests; waitForAnswer by the benches and scripts that start
// a server their own way.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./schema-engine";

export interface AppProcess {
  port: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/**
 * Asks `url` every 250 ms until a server answers it the way `accept` wants (by default: any answer below 500) and
 * returns that answer; throws after `timeoutMs`.
 */
export async function waitForAnswer(
  url: string,
  options: { timeoutMs?: number; accept?: (res: Response) => boolean } = {},
): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const accept = options.accept ?? ((res: Response) => res.status < 500);
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (accept(res)) return res;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Until the app process on `port` says it is ready (/readyz: database reachable and migrated). */
export async function waitForReady(port: number, timeoutMs = 60_000): Promise<void> {
  await waitForAnswer(`http://127.0.0.1:${port}/readyz`, { timeoutMs, accept: (res) => res.ok });
}

export function startAppProcess(port: number, env: Record<string, string>, log?: (line: string) => void): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server.ts"), "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) log?.(`[app:${port}] ${line}`);
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { port, child, exited };
}

export async function startAppProcesses(
  ports: number[],
  env: Record<string, string>,
  log?: (line: string) => void,
): Promise<AppProcess[]> {
  const apps = ports.map((port) => startAppProcess(port, env, log));
  try {
    await Promise.all(apps.map((a) => waitForReady(a.port)));
  } catch (err) {
    await stopAppProcesses(apps);
    throw err;
  }
  return apps;
}

export async function stopAppProcesses(apps: AppProcess[], signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  for (const a of apps) if (a.child.exitCode === null) a.child.kill(signal);
  await Promise.all(apps.map((a) => a.exited));
}
