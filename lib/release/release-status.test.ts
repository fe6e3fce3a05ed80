import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import packageJson from "../../package.json";
import { dialectFor } from "../db/dialects/dialect";
import { committedMigrations } from "../db/readiness";
import { appliedMigrations, pendingMigrations } from "./applied-migrations";
import { forgetReleaseStatus, refreshReleaseStatus, releaseStatus } from "./release-status";

const t = createTestDb();
afterAll(() => t.cleanup());
beforeEach(() => forgetReleaseStatus());

describe("release status", () => {
  it("names the package version and the newest applied migration", async () => {
    const committed = committedMigrations(dialectFor(t.db)).sort();
    // The read itself: releaseStatus answers without it when it takes longer than half a second (a cold or busy
    // process), and from it afterwards.
    expect(await refreshReleaseStatus(t.db)).toBe(committed[committed.length - 1]);
    expect(await releaseStatus(t.db)).toEqual({
      version: packageJson.version,
      migration: committed[committed.length - 1],
    });
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });

  it("keeps answering with what it knew when the database cannot be read", async () => {
    await refreshReleaseStatus(t.db, 0);
    const first = await releaseStatus(t.db, 0);
    expect(first.migration).not.toBeNull();
    const broken = { $queryRawUnsafe: () => Promise.reject(new Error("database down")) } as unknown as typeof t.db;
    expect(await releaseStatus(broken, 61_000)).toEqual(first);
    forgetReleaseStatus();
    expect(await releaseStatus(broken)).toEqual({ version: packageJson.version, migration: null });
  });

  it("lists committed migrations not applied, in order", async () => {
    const applied = await appliedMigrations(t.db);
    expect(pendingMigrations([...applied, "29991231000000_future", "29991230000000_next"], applied)).toEqual([
      "29991230000000_next",
      "29991231000000_future",
    ]);
  });
});
