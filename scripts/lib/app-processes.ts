// The one way the benches, scripts and server tests start the built app: server.ts as `npm start` runs it (Next
// behind the readers' page cache), one Node process (tsx loaded with --import, no wrapper, so its pid is the
// server's, whose CPU time a bench can read), in its own process group (stopping it also stops the co-editing
// server it starts), waited for until /readyz answers (database reachable and migrated).
// Used by npm run start:cluster, check:public, the benches that drive the app (bench:article, bench:editor,
// bench:feedback), the server tests (tests/server/helpers/app-server.ts) and the two-process test.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

export interface AppProcessOptions {
  /** Added to this process's environment (DATABASE_URL, NEXTAUTH_URL…); NODE_ENV is always production. */
  env?: Record<string, string | undefined>;
  /** The address it listens on (server.ts -H); all interfaces when unset. */
  host?: string;
  /** Each line it prints, prefixed with its port. Whatever the log, the last 20,000 characters are kept. */
  log?: (line: string) => void;
  /** How long it may take to answer /readyz (default 90 s: a cold start on a loaded machine is slow). */
  timeoutMs?: number;
  /** Node options before the script, e.g. --cpu-prof (Node refuses those in NODE_OPTIONS). */
  nodeArgs?: string[];
}

export interface AppProcess {
  port: number;
  /** http://HOST:PORT (127.0.0.1 when it listens on every interface). */
  url: string;
  child: ChildProcess;
  /** The server process's pid, also its process group's id. */
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** What it printed last (for failure messages). */
  output(): string;
  /** CPU seconds used so far by its process group (Linux /proc; 0 elsewhere). */
  cpuSeconds(): number;
  /** Resident memory of its process group, in bytes (Linux /proc; 0 elsewhere). */
  rssBytes(): number;
  /** SIGTERM (a clean stop) or SIGKILL (a crash) to its whole group; resolves once the server has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
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

/** Sums fields of /proc/PID/stat or /proc/PID/status over the processes of one process group. */
function sumOverGroup(pgid: number, read: (pid: string, stat: string[]) => number): number {
  let total = 0;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) total += read(pid, fields);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

const running = new Set<AppProcess>();
// A script that ends without stopping its servers (an exception, process.exit) must not leave them running:
// they are in their own process groups, which no Ctrl-C of the script's terminal reaches.
process.once("exit", () => {
  for (const app of running) killGroup(app.pid, "SIGTERM");
});

function killGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Starts server.ts on `port` and resolves once it is ready; rejects (with its output) if it exits or is late. */
export async function startAppProcess(port: number, options: AppProcessOptions = {}): Promise<AppProcess> {
  const args = [...(options.nodeArgs ?? []), "--import", "tsx", path.join(ROOT, "server.ts"), "-p", String(port)];
  if (options.host) args.push("-H", options.host);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let printed = "";
  const forward = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-20_000);
    if (options.log)
      for (const line of chunk.toString().split("\n")) if (line.trim()) options.log(`[app:${port}] ${line}`);
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid!;
  const app: AppProcess = {
    port,
    url: `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}`,
    child,
    pid,
    exited,
    output: () => printed,
    cpuSeconds: () => sumOverGroup(pid, (_, stat) => Number(stat[11]) + Number(stat[12])) / 100, // USER_HZ
    rssBytes: () =>
      sumOverGroup(pid, (p) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0)) *
      1024,
    async stop(signal = "SIGTERM") {
      // The whole group, even when the server itself has gone (a test killed it): what it started goes too.
      killGroup(pid, signal);
      await exited;
      running.delete(app);
    },
  };
  running.add(app);
  const ended = exited.then(() => {
    throw new Error(`server.ts on port ${port} exited (${child.exitCode ?? child.signalCode}):\n${printed}`);
  });
  try {
    await Promise.race([
      waitForAnswer(`${app.url}/readyz`, { timeoutMs: options.timeoutMs ?? 90_000, accept: (res) => res.ok }),
      ended,
    ]);
  } catch (err) {
    await app.stop("SIGKILL");
    throw err instanceof Error && !err.message.includes(printed) ? new Error(`${err.message}:\n${printed}`) : err;
  }
  ended.catch(() => undefined);
  return app;
}

/** Several app processes over one database (a cluster), started side by side; none is left running on failure. */
export async function startAppProcesses(ports: number[], options: AppProcessOptions = {}): Promise<AppProcess[]> {
  const started = await Promise.allSettled(ports.map((port) => startAppProcess(port, options)));
  const apps = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await stopAppProcesses(apps);
    throw failed.reason;
  }
  return apps;
}

export async function stopAppProcesses(apps: AppProcess[], signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  await Promise.all(apps.map((a) => a.stop(signal)));
}
