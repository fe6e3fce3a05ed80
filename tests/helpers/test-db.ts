// A fresh database for one integration test file: a copy of the migrated template (see global-setup.ts).
// SQLite: a copied file in a temporary folder. PostgreSQL: CREATE DATABASE … TEMPLATE, made synchronously with
// psql so that test files can keep calling createTestDb() at module level; dropped on cleanup.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { postgresBinDir } from "../../scripts/lib/pg-cluster";
import { withDatabase } from "../../scripts/lib/scratch-postgres";

export interface TestDb {
  db: Db;
  url: string;
  kind: "sqlite" | "postgres";
  cleanup(): Promise<void>;
}

export function createTestDb(): TestDb {
  const info = inject("testDatabase");
  if (info.kind === "postgres") return createPostgresTestDb(info.adminUrl, info.template);
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(info.templateFile, file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    kind: "sqlite",
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function createPostgresTestDb(adminUrl: string, template: string): TestDb {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const psql = path.join(postgresBinDir(), "psql");
  const sql = `CREATE DATABASE "${name}" TEMPLATE "${template}"`;
  // Two files copying the template at the same instant can collide ("source database is being accessed");
  // try again shortly.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", adminUrl, "-c", sql], { stdio: "pipe" });
      break;
    } catch (err) {
      if (attempt >= 20) throw err;
      execFileSync("sleep", ["0.2"]);
    }
  }
  const url = withDatabase(adminUrl, name);
  const db = createDb(url);
  return {
    db,
    url,
    kind: "postgres",
    async cleanup() {
      await db.$disconnect();
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
