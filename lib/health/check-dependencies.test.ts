// /readyz's checks (check-dependencies.ts, ping-redis.ts): the database always, Redis and the object store when
// configured, each within a short timeout; a failing one is named without its address or credentials. Redis is
// Debian's redis-server started here in a temporary folder (scripts/lib/redis-server.ts); the object store a
// local s3rver.
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { startS3Stub, type S3Stub } from "../../tests/helpers/s3-stub";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server";
import { S3Storage } from "../media/s3-storage";
import { checkDependencies, collabRedisUrl } from "./check-dependencies";
import { pingRedis } from "./ping-redis";

const t = createTestDb();
let stub: S3Stub;
let redis: RedisServer | undefined;
let redisPort: number;
let silent: Server;
let silentPort: number;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  stub = await startS3Stub({ buckets: ["ready-bucket"] });
  redis = await startRedisServer({ port: await freePort(), lastPort: 65_000 });
  redisPort = redis.port;
  // A port that accepts connections and never answers.
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  await redis?.stop();
  silent?.close();
  await stub?.stop();
  await t.cleanup();
});

describe("readiness of each dependency", () => {
  it("checks only the database when nothing else is configured", async () => {
    const report = await checkDependencies({ db: t.db, media: {}, timeoutMs: 10_000 });
    expect(report).toMatchObject({ ready: true, checks: { database: "ok" }, failing: [] });
    expect(Object.keys(report.checks)).toEqual(["database"]);
    expect(report.migrations).toBeGreaterThan(0);
  });

  it("is ready with Redis and the bucket answering", async () => {
    const bucket = new S3Storage(stub.config("ready-bucket"));
    const report = await checkDependencies({
      db: t.db,
      media: bucket,
      redisUrl: `redis://127.0.0.1:${redisPort}`,
      timeoutMs: 10_000,
    });
    expect(report).toMatchObject({
      ready: true,
      checks: { database: "ok", redis: "ok", "object store": "ok" },
      failing: [],
    });
    bucket.client.destroy();
  });

  it("names the failing dependency, within the timeout, with no address in the answer", async () => {
    const missingBucket = new S3Storage(stub.config("no-such-bucket"));
    const started = Date.now();
    const report = await checkDependencies({
      db: t.db,
      media: missingBucket,
      redisUrl: `redis://:secret-password@127.0.0.1:${silentPort}`,
      timeoutMs: 500,
    });
    // Bounded by the 500 ms given to Redis and the store (the database, which answers, may take longer on a
    // loaded machine: it has its own, longer bound).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report).toMatchObject({
      ready: false,
      failing: ["object store", "redis"],
      checks: {
        database: "ok",
        redis: "redis did not answer in time",
        "object store": "object store bucket not reachable",
      },
    });
    const text = JSON.stringify(report);
    for (const secret of [String(silentPort), "secret-password", "127.0.0.1", stub.endpoint]) {
      expect(text).not.toContain(secret);
    }
    missingBucket.client.destroy();
  });

  it("tells a closed Redis port and a refused AUTH apart from a timeout", async () => {
    const closed = await freePort();
    await expect(pingRedis(`redis://127.0.0.1:${closed}`, 10_000)).rejects.toThrow("redis not reachable");
    // This server has no password: AUTH is refused.
    await expect(pingRedis(`redis://:wrong@127.0.0.1:${redisPort}`, 10_000)).rejects.toThrow("redis refused");
    await expect(pingRedis("http://127.0.0.1", 1000)).rejects.toThrow("redis://");
  });

  it("reads Redis from COLLAB_REDIS_URL unless co-editing is off", () => {
    expect(collabRedisUrl({ COLLAB_REDIS_URL: "redis://r:6379" })).toBe("redis://r:6379");
    expect(collabRedisUrl({ COLLAB_REDIS_URL: "redis://r:6379", COLLAB_DISABLED: "1" })).toBeUndefined();
    expect(collabRedisUrl({})).toBeUndefined();
  });
});
