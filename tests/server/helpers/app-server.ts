// The built site (`npx next build`) run as in production (`tsx server.ts`) on its own database file and port,
// for the tests that need a real server process: killing it mid-write, measuring its memory, restoring a backup
// under it. Each test file uses its own port, E2E_PORT + 70 + n (so a helper's port range is respected).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { startAppProcess, type AppProcess } from "../../../scripts/lib/app-processes";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const run = promisify(execFile);

export function serverTestPort(offset: number): number {
  return Number(process.env.E2E_PORT || 3100) + 70 + offset;
}

/** A fresh database file with every migration applied (db:deploy, WAL mode). */
export async function deployDatabase(file: string): Promise<string> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  await run("npx", ["tsx", "scripts/db-deploy.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } });
  return url;
}

/** Runs one of the repository's scripts (db:backup, audit:verify…) against `databaseUrl`. */
export async function runScript(script: string, args: string[], databaseUrl: string) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", script, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** A running server: its url, pid, memory, output and stop (scripts/lib/app-processes.ts). */
export type AppServer = AppProcess;

export function requireBuild(): void {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    throw new Error("These tests run the production build: run `npx next build` first.");
}

/** Starts `server.ts` on 127.0.0.1:`port` against `databaseUrl`; resolves once it is ready. */
export async function startAppServer(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<AppServer> {
  requireBuild();
  return startAppProcess(options.port, {
    host: "127.0.0.1",
    env: {
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64url"),
      AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY || randomBytes(32).toString("base64url"),
      ...options.env,
    },
  });
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`sign-in as ${email} failed (${res.status})`);
  return cookie();
}
