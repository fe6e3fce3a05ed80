// The co-editing server process (scripts/collab-server.ts, what `npm start` runs beside the app) listens on the
// loopback only, unless COLLAB_HOST says otherwise: browsers reach it through the app's /collab hand-off
// (server.ts), so nothing else should be able to connect to it. Read from the kernel's socket table
// (/proc/net/tcp and tcp6, what `ss -ltn` shows), not from what the process says about itself.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const LISTEN = "0A";

/** Local addresses of the sockets listening on TCP `port`, as the kernel lists them (IPv4 and IPv6). */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const [file, decode] of [
    ["/proc/net/tcp", ipv4FromProc],
    ["/proc/net/tcp6", ipv6FromProc],
  ] as const) {
    let table = "";
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue; // no IPv6 on this machine
    }
    for (const line of table.trim().split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hexAddress, hexPort] = local.split(":");
      if (state === LISTEN && parseInt(hexPort, 16) === port) found.push(decode(hexAddress));
    }
  }
  return found;
}

/** /proc/net/tcp writes an IPv4 address as one 32-bit word in host (little-endian) order. */
function ipv4FromProc(hex: string): string {
  return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join(".");
}

/** /proc/net/tcp6: four 32-bit words, each in host order; written here in full, uncompressed form. */
function ipv6FromProc(hex: string): string {
  const bytes: string[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    for (const i of [3, 2, 1, 0]) bytes.push(word.slice(i * 2, i * 2 + 2));
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] + bytes[i + 1]).toLowerCase());
  return groups.join(":");
}

/** A port nothing listens on right now (the kernel's pick for a throwaway socket). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let child: ChildProcess | null = null;
afterEach(async () => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child!.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  child = null;
});

/** Starts scripts/collab-server.ts as the app does; resolves with the addresses it listens on. */
async function startCollabProcess(env: Record<string, string>): Promise<string[]> {
  const port = await freePort();
  let output = "";
  child = spawn(process.execPath, ["--import", "tsx", "scripts/collab-server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Listening needs no database: nothing connects during this test.
      DATABASE_URL: "file:./data/unused-by-collab-address-test.db",
      NEXTAUTH_SECRET: "collab-address-test-secret",
      COLLAB_HOST: "",
      COLLAB_PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child!.once("exit", (code) => reject(new Error(`collab-server.ts exited (${code}):\n${output}`))),
  );
  // It says when it listens; the kernel's table is then read once.
  const listening = new Promise<void>((resolve) => {
    const check = () => (/co-editing server on/.test(output) ? resolve() : child!.stdout!.once("data", check));
    check();
  });
  await Promise.race([listening, exited]);
  return listeningAddresses(port);
}

describe("the co-editing server process", () => {
  it("listens on the loopback only when COLLAB_HOST is not set", async () => {
    expect(await startCollabProcess({})).toEqual(["127.0.0.1"]);
  });

  it("listens where COLLAB_HOST says", async () => {
    expect(await startCollabProcess({ COLLAB_HOST: "0.0.0.0" })).toEqual(["0.0.0.0"]);
  });
});
