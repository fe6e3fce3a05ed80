// What /readyz checks, each dependency in parallel with a short timeout: the database (reachable and migrated,
// lib/db/readiness.ts), Redis when co-editing nodes share documents through it (COLLAB_REDIS_URL, unless
// co-editing is off), and the object store when media live in one (MEDIA_STORE=s3: HEAD on the bucket). The
// answer names a failing dependency and what is wrong in a few words, never an address or a driver's message.
import type { DbTx } from "../db/client";
import { checkReadiness } from "../db/readiness";
import { dialectFor, type DialectName } from "../db/dialects/dialect";
import type { MediaStorage } from "../media/storage";
import { pingRedis } from "./ping-redis";

export type DependencyName = "database" | "redis" | "object store";

export interface DependencyReport {
  ready: boolean;
  database: DialectName;
  migrations?: number;
  /** Every dependency checked, "ok" or what is wrong with it. */
  checks: Partial<Record<DependencyName, string>>;
  /** The failing dependencies' names (empty when ready). */
  failing: DependencyName[];
}

export interface DependencyOptions {
  db: DbTx;
  /** The media store; checked when it is remote (it has a ping). */
  media?: Pick<MediaStorage, "ping">;
  redisUrl?: string;
  /** How long Redis and the object store may take to answer (default 2 s). */
  timeoutMs?: number;
  /**
   * How long the database may take (default 10 s): a pool opening its first connection on a loaded machine
   * takes seconds, and a process must not be taken out of service for that.
   */
  databaseTimeoutMs?: number;
}

/** The Redis the co-editing nodes share documents through (COLLAB_REDIS_URL), unless co-editing is off. */
export function collabRedisUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.COLLAB_DISABLED === "1" ? undefined : env.COLLAB_REDIS_URL || undefined;
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const problemOf = (err: unknown, fallback: string) =>
  err instanceof Error && !("$metadata" in err) ? err.message : fallback;

export async function checkDependencies(options: DependencyOptions): Promise<DependencyReport> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const checks: DependencyReport["checks"] = {};
  const [database] = await Promise.all([
    withTimeout(
      checkReadiness(options.db),
      options.databaseTimeoutMs ?? 10_000,
      "database did not answer in time",
    ).catch((err) => ({
      ready: false as const,
      problem: problemOf(err, "database unreachable"),
    })),
    options.redisUrl
      ? pingRedis(options.redisUrl, timeoutMs).then(
          () => (checks.redis = "ok"),
          (err) => (checks.redis = problemOf(err, "redis not reachable")),
        )
      : undefined,
    options.media?.ping
      ? options.media.ping(timeoutMs).then(
          () => (checks["object store"] = "ok"),
          (err) => (checks["object store"] = problemOf(err, "object store not reachable")),
        )
      : undefined,
  ]);
  checks.database = database.ready ? "ok" : database.problem;
  const failing = (Object.keys(checks) as DependencyName[]).filter((name) => checks[name] !== "ok").sort();
  return {
    ready: failing.length === 0,
    database: dialectFor(options.db).name,
    ...(database.ready ? { migrations: database.migrations } : {}),
    checks,
    failing,
  };
}
