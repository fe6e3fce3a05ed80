// Migrates one template database per test run; every integration test file gets a fresh copy of it
// (createTestDb), so each file has its own fully migrated database in milliseconds. Derives the plagiarism
// check's WordNet table first if it is missing (lib/plagiarism/wordnet-table.ts).
//   default            SQLite: a template file, copied per test file.
//   TEST_DB=postgres   PostgreSQL: a template database, CREATE DATABASE … TEMPLATE per test file, in the
//                      cluster named by PG_ADMIN_URL, or in a throwaway cluster started here.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { wordnetTableText } from "../../lib/plagiarism/wordnet-table";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { startCluster } from "../../scripts/lib/pg-cluster";
import { withDatabase } from "../../scripts/lib/scratch-postgres";
import { TEMPLATE_DATABASE, testDatabaseKind, type TestDatabaseInfo } from "./test-db-kind";

export default async function setup(project: TestProject) {
  // Derived once here, before the test files run in parallel: each would otherwise build it on its first check.
  wordnetTableText();
  if (testDatabaseKind() === "postgres") {
    const cluster = process.env.PG_ADMIN_URL ? undefined : await startCluster();
    const adminUrl = process.env.PG_ADMIN_URL ?? cluster!.url;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
    } finally {
      await admin.end();
    }
    await applyMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
    project.provide("testDatabase", { kind: "postgres", adminUrl, template: TEMPLATE_DATABASE });
    return () => cluster?.stop();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-test-template-"));
  const file = path.join(dir, "template.db");
  await applyMigrations(`file:${file}`);
  project.provide("testDatabase", { kind: "sqlite", templateFile: file });
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseInfo;
  }
}
