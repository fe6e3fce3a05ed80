// npm run db:deploy — applies committed migrations to DATABASE_URL (offline, WebAssembly schema engine):
// prisma/migrations for a SQLite file (which is first switched to WAL mode), prisma/postgres/migrations for a
// postgres:// URL. Then the after-migration steps of an upgrade (lib/release/after-migrations.ts: the audit
// chain brought to the current format), on the migrated database.
//
// npm run db:deploy -- --dry-run   lists the migrations it would apply (what each does to the tables) and the
//                                  after-migration steps, and changes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations, flavourOf, migrationNames, type Flavour } from "./lib/schema-engine";
import { createDb } from "../lib/db/client";
import { databaseUrl } from "../lib/db/url";
import { dialectForUrl } from "../lib/db/dialects/dialect-for-url";
import { appliedMigrations, pendingMigrations } from "../lib/release/applied-migrations";
import { describeMigration } from "../lib/release/describe-migration";
import { afterMigrations, describeAfterMigrations, type AfterMigrationsReport } from "../lib/release/after-migrations";
import { upgradeAuditChain } from "../lib/audit/upgrade-chain-format";
import { queueNeededRebuilds } from "../lib/rebuilds/queue-rebuilds";
import { APP_VERSION } from "../lib/release/version";
import { loadDotEnv } from "./lib/load-env";

function readMigration(flavour: Flavour, name: string): string {
  return readFileSync(path.join(flavour.migrationsDir, name, "migration.sql"), "utf8");
}

async function dryRun(url: string) {
  const flavour = flavourOf(url);
  const committed = migrationNames(flavour);
  const exists = dialectForUrl(url).databaseExists(url);
  const db = exists ? createDb(url) : null;
  try {
    const applied = db ? await appliedMigrations(db).catch(() => [] as string[]) : [];
    const pending = pendingMigrations(committed, applied);
    console.log(
      `Imprimatur ${APP_VERSION}; database ${exists ? "" : "(not created yet) "}has ${applied.length} of ` +
        `${committed.length} migrations applied.`,
    );
    if (pending.length) {
      console.log(`Would apply ${pending.length} migration(s), in this order:`);
      for (const name of pending) {
        console.log(`  ${name}: ${describeMigration(readMigration(flavour, name))}`);
      }
    } else console.log("No migration to apply.");
    // The audit chain is judged as it is now (migrations never touch the audit log); index gaps only when no
    // migration is pending (the tables may not exist yet, and a migration may empty one).
    if (db && applied.length) {
      const report: AfterMigrationsReport = {
        chain: await upgradeAuditChain(db, { dryRun: true }),
        rebuilds: pending.length ? [] : await queueNeededRebuilds(db, { dryRun: true }),
      };
      for (const line of describeAfterMigrations(report, true)) console.log(line);
      if (pending.some((name) => /empties/.test(describeMigration(readMigration(flavour, name)))))
        console.log("Indexes a migration empties are rebuilt by a background job at the next server start.");
    }
    console.log("Dry run: nothing was changed.");
  } finally {
    await db?.$disconnect();
  }
}

async function main() {
  loadDotEnv();
  const url = databaseUrl();
  if (process.argv.includes("--dry-run")) return dryRun(url);
  dialectForUrl(url).prepareForMigrations(url);
  const applied = await applyMigrations(url);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  );
  const db = createDb(url);
  try {
    for (const line of describeAfterMigrations(await afterMigrations(db))) console.log(line);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
