// A fresh SQLite database for one integration test file: a copy of the migrated template.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDb, type Db } from "../../lib/db/client";

export interface TestDb {
  db: Db;
  url: string;
  cleanup(): Promise<void>;
}

export function createTestDb(): TestDb {
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(inject("templateDbFile"), file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
