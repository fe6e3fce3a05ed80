// A throwaway PostgreSQL cluster in a temporary folder, for tests, benches and the local multi-process setup.
// Uses Debian's `postgresql` package binaries directly (initdb, pg_ctl are not on the PATH there), listens on
// loopback only (TCP + a socket inside the folder), trusts local connections, and needs no system service.
// PostgreSQL refuses to run as root: when we are root, the cluster runs as `nobody` and owns its folder.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PgCluster {
  dir: string;
  port: number;
  /** postgres://… URL of the `postgres` superuser's default database. */
  url: string;
  /** URL of database `name` in this cluster. */
  urlFor(name: string): string;
  stop(): void;
}

export interface StartOptions {
  /** First port to try; the next free one up to `lastPort` is taken. */
  port?: number;
  lastPort?: number;
  /** Off for tests (fsync off: faster, and a crashed test cluster is thrown away anyway). */
  durable?: boolean;
  maxConnections?: number;
}

/** Folder with Debian's PostgreSQL binaries: PG_BIN, else the newest /usr/lib/postgresql/<major>/bin. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => existsSync(path.join(root, d, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length) {
    throw new Error(
      "PostgreSQL binaries not found: install Debian's package (apt-get install -y postgresql) or set PG_BIN",
    );
  }
  return path.join(root, majors[0], "bin");
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const RUN_AS = "nobody";

/** Runs a PostgreSQL binary, as `nobody` when we are root. */
function runPg(bin: string, args: string[], opts: { cwd: string }) {
  const exe = path.join(postgresBinDir(), bin);
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", RUN_AS, "--", exe, ...args]] : [exe, args];
  const out = spawnSync(cmd, argv, { cwd: opts.cwd, encoding: "utf8" });
  if (out.status !== 0) throw new Error(`${bin} failed (${out.status}): ${out.stderr || out.stdout}`);
  return out.stdout;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function clusterHandle(dir: string, port: number): PgCluster {
  const urlFor = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  return {
    dir,
    port,
    url: urlFor("postgres"),
    urlFor,
    stop: () => stopCluster(dir),
  };
}

export async function startCluster(options: StartOptions = {}): Promise<PgCluster> {
  const first = options.port ?? Number(process.env.PG_PORT || 5439);
  const last = options.lastPort ?? first + 10;
  let port = first;
  while (port <= last && !(await portIsFree(port))) port++;
  if (port > last) throw new Error(`No free port for PostgreSQL in ${first}–${last}`);

  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-pg-"));
  const giveToRunner = (file: string) => {
    if (!isRoot()) return;
    const id = (flag: string) => Number(execFileSync("id", [flag, RUN_AS], { encoding: "utf8" }).trim());
    chownSync(file, id("-u"), id("-g"));
  };
  giveToRunner(dir);
  const data = path.join(dir, "data");
  runPg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], { cwd: dir });
  const settings = [
    `listen_addresses = '127.0.0.1'`,
    `port = ${port}`,
    `unix_socket_directories = '${dir}'`,
    `max_connections = ${options.maxConnections ?? 200}`,
    `shared_buffers = 64MB`,
    ...(options.durable ? [] : [`fsync = off`, `synchronous_commit = off`, `full_page_writes = off`]),
  ];
  const conf = path.join(data, "postgresql.auto.conf");
  writeFileSync(conf, settings.join("\n") + "\n");
  giveToRunner(conf);
  runPg("pg_ctl", ["-D", data, "-l", path.join(dir, "postgres.log"), "-w", "-t", "60", "start"], { cwd: dir });
  return clusterHandle(dir, port);
}

/** Stops the cluster in `dir` (fast shutdown) and removes the folder. */
export function stopCluster(dir: string): void {
  const data = path.join(dir, "data");
  if (existsSync(path.join(data, "postmaster.pid"))) {
    try {
      runPg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"], { cwd: dir });
    } catch (err) {
      console.error(String(err));
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
