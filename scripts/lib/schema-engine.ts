// Prisma's WebAssembly schema engine, loaded by hand. The CLI's native schema engine is downloaded from
// Prisma's servers at install time, which fails on machines that reach only the npm registry; the WASM build
// ships in an npm package and talks to SQLite through the same better-sqlite3 driver adapter the app uses.
import { readFileSync, readdirSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseFilePath } from "./db-file";
import { STUDIO_DRAFT_SEARCH_EXTERNAL_TABLES } from "../../lib/studio/draft-search";
import { SEARCH_EXTERNAL_TABLES } from "../../lib/search/sqlite-schema";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
};

export async function openSchemaEngine(url: string): Promise<Engine> {
  mkdirSync(path.dirname(databaseFilePath(url)), { recursive: true });
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url }));
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", msg);
  };
  return bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, adapter);
}

export function schemaFiles() {
  return [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }];
}

export function migrationList() {
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(MIGRATIONS_DIR, dir, "migration.sql");
      return {
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok", value: readFileSync(file, "utf8") }
            : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  };
}

// Tables created in raw SQL that Prisma's schema language cannot describe (FTS5 indexes): the diff leaves them
// alone (prisma.config.ts declares the same list).
export const schemaFilters = {
  externalTables: [...STUDIO_DRAFT_SEARCH_EXTERNAL_TABLES, ...SEARCH_EXTERNAL_TABLES],
  externalEnums: [],
};

/** Applies every pending migration to the database at `url`; returns the names applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  const engine = await openSchemaEngine(url);
  const out = await engine.applyMigrations({ migrationsList: migrationList(), filters: schemaFilters });
  return out.appliedMigrationNames;
}
