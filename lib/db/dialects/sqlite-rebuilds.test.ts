// A migration that rebuilds WorkingDraft (as Prisma writes one for SQLite) keeps the studio draft search working
// once db:migrate has added the declared triggers and the refill. Runs on a SQLite file of its own on either
// test database: the subject is SQLite's table rebuilds.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../../scripts/lib/schema-engine";
import { rebuiltTables, withSqliteObjectsRecreated } from "./sqlite-rebuilds";

const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-rebuild-"));
const file = path.join(dir, "rebuild.db");
let db: Database.Database;
beforeAll(async () => {
  // Migrated as the test template is (global-setup.ts): the schema engine keeps its connection, so use a copy.
  const migrated = path.join(dir, "migrated.db");
  await applyMigrations(`file:${migrated}`);
  copyFileSync(migrated, file);
  db = new Database(file);
  db.pragma("foreign_keys = OFF"); // drafts without their article: only the draft search is under test
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The statements Prisma's diff writes to rebuild a table (its definition unchanged, for the test). */
function prismaRebuildOf(table: string): string {
  const { sql } = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as {
    sql: string;
  };
  return [
    "-- RedefineTables",
    "PRAGMA defer_foreign_keys=ON;",
    "PRAGMA foreign_keys=OFF;",
    `${sql.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "new_${table}"`)};`,
    `INSERT INTO "new_${table}" SELECT * FROM "${table}";`,
    `DROP TABLE "${table}";`,
    `ALTER TABLE "new_${table}" RENAME TO "${table}";`,
    "PRAGMA foreign_keys=ON;",
    "PRAGMA defer_foreign_keys=OFF;",
  ].join("\n");
}

const found = (word: string) =>
  db.prepare(`SELECT articleId FROM studio_draft_search WHERE studio_draft_search MATCH ?`).all(`"${word}"`);
const triggersOn = (table: string) =>
  db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name`)
    .all(table)
    .map((r) => (r as { name: string }).name);

describe("SQLite table rebuilds in new migrations", () => {
  it("finds the tables a migration rebuilds", () => {
    expect(rebuiltTables(prismaRebuildOf("WorkingDraft") + "\n" + prismaRebuildOf("Setting"))).toEqual([
      "WorkingDraft",
      "Setting",
    ]);
    expect(withSqliteObjectsRecreated(prismaRebuildOf("Setting"))).toBe(prismaRebuildOf("Setting"));
  });

  it("brings back WorkingDraft's draft search triggers and refills its index", () => {
    const body = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "text", text }] });
    const insert = db.prepare(
      `INSERT INTO "WorkingDraft" ("articleId", "title", "bodyJson", "updatedAt") VALUES (?, ?, ?, 0)`,
    );
    insert.run("a1", "First draft", body("papules"));
    insert.run("a2", "Second draft", body("macules"));
    const before = triggersOn("WorkingDraft");
    expect(before).toEqual(["studio_draft_search_ad", "studio_draft_search_ai", "studio_draft_search_au"]);

    db.exec(withSqliteObjectsRecreated(prismaRebuildOf("WorkingDraft")));

    expect(triggersOn("WorkingDraft")).toEqual(before);
    expect(found("macules")).toEqual([{ articleId: "a2" }]);
    db.prepare(`UPDATE "WorkingDraft" SET "bodyJson" = ? WHERE "articleId" = 'a2'`).run(body("vesicles"));
    expect(found("macules")).toEqual([]);
    expect(found("vesicles")).toEqual([{ articleId: "a2" }]);
  });
});
