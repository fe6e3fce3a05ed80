// Writes the PostgreSQL schema derived from prisma/schema.prisma (scripts/lib/postgres-schema.mjs), then runs
// `prisma generate` for both: lib/generated/prisma (SQLite) and lib/generated/prisma-pg (PostgreSQL). Prisma 7's
// generated client is tied to its schema's provider (it loads that provider's query compiler and refuses a
// driver adapter of another), so each database has its own client; lib/db/client.ts hides which one is used.
// Runs without the native schema engine, which cannot be downloaded here.
// generate only checks that PRISMA_SCHEMA_ENGINE_BINARY points at a file; it never runs it. The stub
// exits 1 so that any command that *would* run it (migrate, db push) fails loudly instead of silently
// doing nothing. Migrations go through the WebAssembly engine (scripts/db-deploy.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, chmodSync, readFileSync } from "node:fs";
import path from "node:path";
import { expectedPostgresSchema, schemaPaths } from "./lib/postgres-schema.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
if (!existsSync(path.join(root, "prisma", "schema.prisma"))) process.exit(0);
const stubDir = path.join(root, "node_modules", ".cache", "imprimatur");
const stub = path.join(stubDir, "schema-engine-stub");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'native schema engine unavailable: use npm run db:deploy' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || stub,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const paths = schemaPaths(root);
const pgSchema = expectedPostgresSchema(root);
mkdirSync(path.dirname(paths.postgres), { recursive: true });
if (!existsSync(paths.postgres) || readFileSync(paths.postgres, "utf8") !== pgSchema)
  writeFileSync(paths.postgres, pgSchema);
for (const schema of [paths.sqlite, paths.postgres]) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate", "--schema", schema],
    { cwd: root, env, stdio: "inherit" },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
