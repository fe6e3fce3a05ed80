import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeMigration } from "./describe-migration";

const migration = (name: string) =>
  readFileSync(path.join(__dirname, "..", "..", "prisma", "migrations", name, "migration.sql"), "utf8");

describe("describeMigration", () => {
  it("says which tables a migration creates, rebuilds, drops and empties", () => {
    expect(describeMigration(migration("20261130132059_paraphrase_fingerprints"))).toBe(
      "creates ParaphraseFingerprint; empties Fingerprint, FingerprintSource",
    );
    expect(describeMigration(migration("20261130140235_accounts"))).toBe(
      "creates AttemptCounter, RecoveryCode, AccountToken; rebuilds User (rows copied); drops LoginFailure (rows not kept)",
    );
    expect(describeMigration(migration("20261125163439_narrow_fingerprint_index"))).toBe(
      "creates FingerprintSource; recreates Fingerprint (rows not kept)",
    );
  });

  it("does not count statements inside trigger and function bodies as the migration's own", () => {
    const sql = [
      `CREATE TRIGGER "t" AFTER DELETE ON "A" BEGIN`,
      `  DELETE FROM "B";`,
      `END;`,
      `CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$`,
      `BEGIN`,
      `  DELETE FROM "C";`,
      `END;`,
      `$$ LANGUAGE plpgsql;`,
      `ALTER TABLE "D" ADD COLUMN "x" TEXT;`,
    ].join("\n");
    expect(describeMigration(sql)).toBe("changes D; 1 trigger");
    expect(describeMigration(`CREATE INDEX "i" ON "A"("x");`)).toBe("no table changes (indexes or data only)");
  });
});
