// Who makes the variants of a stored original. The app's worker uses a separate process (variant-process.ts):
// it is started on the first job, kept while uploads come in (starting it costs about half a second), and
// stopped after MEDIA_PROCESS_IDLE_SECONDS (default 600) without work, so an idle site holds no image memory.
// A job that crashes or hangs the process fails like any other job (the worker retries it), and the next
// job starts a fresh process. Tests use the in-process maker, which runs the same code.
import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import path from "node:path";
import { makeVariants, type MadeVariant } from "./make-variants";
import type { MediaStorage } from "./storage";
import type { MediaStoreConfig } from "./storage-config";
import type { VariantProcessStats, VariantReply, VariantRequest } from "./variant-process";

export type VariantMaker = (sha256: string) => Promise<MadeVariant[]>;

// Loaded at run time, out of the bundler's sight: Next's bundler follows fork() calls and would try to bundle
// the process's entry file, which tsx runs from the source tree instead.
const loadChildProcess = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "node:child_process");

export function inProcessVariantMaker(storage: MediaStorage): VariantMaker {
  return async (sha256) => {
    const original = await storage.get(sha256);
    if (!original) throw new Error("The original file is missing from media storage.");
    return makeVariants(original, storage);
  };
}

export interface VariantProcessOptions {
  /** The media store the process reads originals from and writes variants to (MediaStorage.config). */
  store: MediaStoreConfig;
  idleMs?: number;
  /** A job taking longer than this ends the process and fails. */
  jobTimeoutMs?: number;
  /** The repository folder (where node_modules/tsx and lib/ are); the working directory by default. */
  appDir?: string;
}

/** How long a job written to a process that has just died waits for its exit to say why (signal, exit code). */
const EXIT_GRACE_MS = 5_000;

interface Pending {
  /** The process the job was handed to: only its end fails the job. */
  child: ChildProcess;
  resolve: (variants: MadeVariant[]) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class VariantProcess {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private ready = false;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** The process's peak resident memory (MB) as of its last reply, and that reply's job CPU time. */
  lastStats: VariantProcessStats = { peakRssMb: 0, cpuMs: 0 };
  /** "job-sent": a job was written to the process (its id and the process's pid); what a test waits on. */
  readonly events = new EventEmitter<{ "job-sent": [{ id: number; pid: number | undefined }] }>();

  constructor(private readonly options: VariantProcessOptions) {}

  /** The running process's id, if one is running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  readonly make: VariantMaker = async (sha256) => {
    const child = await this.start();
    return new Promise<MadeVariant[]>((resolve, reject) => {
      const id = this.nextId++;
      const timeoutMs = this.options.jobTimeoutMs ?? 120_000;
      const timer = setTimeout(() => {
        this.end(child, `Making the image sizes took longer than ${Math.round(timeoutMs / 1000)} s.`);
      }, timeoutMs);
      this.pending.set(id, { child, resolve, reject, timer });
      this.clearIdle();
      child.send({ id, sha256 } satisfies VariantRequest, (err) => {
        if (!err) this.events.emit("job-sent", { id, pid: child.pid });
        else this.unreachable(child, err);
      });
    });
  };

  /** Starts the process and waits until it is ready (the bench does: on a site in use it is running). */
  async warmUp(): Promise<void> {
    const child = await this.start();
    if (this.ready) return;
    await new Promise<void>((resolve, reject) => {
      const keepAlive = setTimeout(() => reject(new Error("The image processing process did not start.")), 60_000);
      child.once("message", () => {
        clearTimeout(keepAlive);
        resolve();
      });
      child.once("exit", () => {
        clearTimeout(keepAlive);
        reject(new Error("The image processing process stopped while starting."));
      });
    });
  }

  close(): void {
    this.stop("The image processing process was stopped.");
  }

  private async start(): Promise<ChildProcess> {
    if (this.child?.connected) return this.child;
    const { fork } = await loadChildProcess();
    if (this.child?.connected) return this.child; // started meanwhile by another job
    const appDir = this.options.appDir ?? process.cwd();
    const child = fork(path.join(appDir, "lib", "media", "variant-process.ts"), [], {
      cwd: appDir,
      execArgv: ["--import", "tsx"],
      // Two malloc arenas keep glibc from holding libvips' freed buffers as resident memory.
      env: { ...process.env, MEDIA_VARIANT_STORE: JSON.stringify(this.options.store), MALLOC_ARENA_MAX: "2" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.ready = false;
    child.on("message", (reply: VariantReply) => this.settle(reply));
    child.on("exit", (code, signal) => {
      if (this.child === child) this.child = null;
      this.failJobsOf(child, `The image processing process stopped (${signal ?? `exit code ${code}`}).`);
    });
    child.on("error", (err) => {
      if (this.child === child) this.child = null;
      this.failJobsOf(child, `The image processing process could not run: ${err.message}`);
    });
    // Neither the process nor its channel keeps the app alive on its own.
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }

  private settle(reply: VariantReply) {
    this.lastStats = reply.stats;
    if ("ready" in reply) {
      this.ready = true;
      return;
    }
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    clearTimeout(job.timer);
    if (reply.ok) job.resolve(reply.variants);
    else job.reject(new Error(reply.error));
    if (this.pending.size === 0) this.scheduleIdle();
  }

  /**
   * A job could not be written to the process. Usually it has just died (EPIPE) and its exit, which follows,
   * names the cause (killed, crashed), so the job waits for that; one still running is ended.
   */
  private unreachable(child: ChildProcess, err: Error) {
    if (this.child === child) this.child = null; // the next job starts a fresh process
    if (child.exitCode !== null || child.signalCode !== null) return; // its exit has already failed the job
    const grace = setTimeout(
      () => this.end(child, `The image processing process could not be reached: ${err.message}`),
      EXIT_GRACE_MS,
    );
    child.once("exit", () => clearTimeout(grace));
  }

  /** Fails the jobs handed to this process (not those of a newer one started meanwhile). */
  private failJobsOf(child: ChildProcess, message: string) {
    for (const [id, job] of this.pending) {
      if (job.child !== child) continue;
      clearTimeout(job.timer);
      job.reject(new Error(message));
      this.pending.delete(id);
    }
  }

  /** Fails this process's jobs with the message and kills it. */
  private end(child: ChildProcess, message: string) {
    if (this.child === child) {
      this.child = null;
      this.clearIdle();
    }
    this.failJobsOf(child, message);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }

  private stop(message: string) {
    this.clearIdle();
    if (this.child) this.end(this.child, message);
  }

  private scheduleIdle() {
    this.clearIdle();
    const idleMs = this.options.idleMs ?? 600_000;
    this.idleTimer = setTimeout(() => this.stop("The image processing process was idle."), idleMs);
    this.idleTimer.unref();
  }

  private clearIdle() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
