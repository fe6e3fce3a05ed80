// For the co-editing tests: a second app server with co-editing on, and the co-editing server, both on
// their own ports over the run's database, started and stopped by the spec (which also kills the co-editing
// server on purpose to test the fallback).
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { startAppProcess, type AppProcess } from "../../scripts/lib/app-processes";
import { E2E_DATABASE_URL, E2E_PORT } from "./env";

export const COEDIT_APP_PORT = E2E_PORT + 20;
export const COEDIT_COLLAB_PORT = E2E_PORT + 21;
export const COEDIT_BASE_URL = `http://127.0.0.1:${COEDIT_APP_PORT}`;
const ROOT = path.resolve(__dirname, "..", "..");

export function env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: E2E_DATABASE_URL,
    NEXTAUTH_URL: COEDIT_BASE_URL,
    NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET!,
    IMPRIMATUR_E2E: "1",
    // No outside calls from this second app (source checks reach the network).
    SOURCE_CHECKS: "off",
    COLLAB_DISABLED: "",
    COLLAB_AUTOSTART: "0",
    COLLAB_PORT: String(COEDIT_COLLAB_PORT),
    COLLAB_HOST: "127.0.0.1",
    PORT: String(COEDIT_APP_PORT),
    ...overrides,
  };
}

export async function waitFor(check: () => Promise<boolean>, what: string, ms = 120_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} did not start in ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

export async function startCollabServer(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    // tsx as a loader, not its command line (which runs the script in a child process that a SIGKILL of the
    // parent would leave running): the fallback test kills this very process.
    ["--import", "tsx", "scripts/collab-server.ts"],
    {
      cwd: ROOT,
      env: env(),
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  await waitFor(() => portOpen(COEDIT_COLLAB_PORT), "The co-editing server");
  return child;
}

/** The second app server, started by the one app-process harness (ready once /readyz answers). */
export function startCoEditingApp(): Promise<AppProcess> {
  return startAppProcess(COEDIT_APP_PORT, { env: env(), host: "127.0.0.1", timeoutMs: 120_000 });
}

export async function stop(child: ChildProcess | null | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}
