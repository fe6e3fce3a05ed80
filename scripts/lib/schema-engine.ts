// Prisma's WebAssembly schema engine, loaded by hand. The CLI's native schema engine is downloaded from
// Prisma's servers at install time, which fails on machines that reach only the npm registry; the WASM build
// ships in an npm package and talks to the database through the same driver adapter the app uses:
// better-sqlite3 for `file:` URLs, pg for `postgres://` URLs. Each database has its own schema file and
// migrations folder (its adapter in lib/db/dialects says which; see `flavourOf`).
import { readFileSync, readdirSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseFilePath } from "./db-file";
import type { DatabaseDialect, DialectName } from "../../lib/db/dialects/dialect";
import { dialectForUrl } from "../../lib/db/dialects/dialect-for-url";
import { postgresDialect } from "../../lib/db/dialects/postgres";
import { sqliteDialect } from "../../lib/db/dialects/sqlite";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(__dirname, "..", "..");

export interface Flavour {
  name: DialectName;
  /** Absolute paths. */
  schemaPath: string;
  migrationsDir: string;
  /** Tables the schema diff leaves alone (made in raw SQL). */
  externalTables: readonly string[];
}

const flavourOfDialect = (dialect: DatabaseDialect): Flavour => ({
  name: dialect.name,
  schemaPath: path.join(ROOT, dialect.schemaPath),
  migrationsDir: path.join(ROOT, dialect.migrationsDir),
  externalTables: dialect.externalTables,
});
export const SQLITE = flavourOfDialect(sqliteDialect);
export const POSTGRES = flavourOfDialect(postgresDialect);
const FLAVOURS: Record<DialectName, Flavour> = { sqlite: SQLITE, postgresql: POSTGRES };

export function flavourOf(url: string): Flavour {
  return FLAVOURS[dialectForUrl(url).name];
}

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

/** An engine and a way to let go of the database: the engine itself never closes its connections. */
export type OpenEngine = Engine & { close(): Promise<void> };

type EngineModule = { SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } };
let engineModule: Promise<EngineModule> | undefined;

/** Instantiates the WebAssembly module once per process (its glue code keeps module-level state). */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports a Rust panic's message here before throwing; without it the panic is unreadable.
    const registry = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => console.error("[schema-engine panic]", m) };
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
    const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg as EngineModule;
  })();
  return engineModule;
}

export async function openSchemaEngine(url: string): Promise<OpenEngine> {
  const flavour = flavourOf(url);
  if (flavour === SQLITE) mkdirSync(path.dirname(databaseFilePath(url)), { recursive: true });
  const bg = await loadEngineModule();
  const schema = readFileSync(flavour.schemaPath, "utf8");
  const driver = keepConnections(
    flavour === POSTGRES ? wholeScripts(new PrismaPg({ connectionString: url })) : new PrismaBetterSqlite3({ url }),
  );
  const adapter = bindMigrationAwareSqlAdapterFactory(driver.factory);
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", msg);
  };
  const engine = await bg.SchemaEngine.new({ datamodels: [[flavour.schemaPath, schema]] }, log, adapter);
  return Object.assign(engine, {
    async close() {
      engine.free();
      await driver.disposeAll();
    },
  });
}

type Disposable = { dispose(): Promise<void> | void };

/**
 * Remembers every connection the engine opens, so that they can be closed once it is done: a SQLite file the
 * engine still holds answers SQLITE_BUSY to the next writer (db:deploy's after-migration steps).
 */
function keepConnections<F extends { connect(): Promise<unknown> }>(factory: F) {
  const opened: Disposable[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter as Disposable);
    return adapter;
  };
  return {
    factory,
    async disposeAll() {
      for (const a of opened.splice(0)) await a.dispose();
    },
  };
}

type ScriptRunner = {
  client: { query(...args: unknown[]): Promise<unknown> };
  executeScript(sql: string): Promise<void>;
  onError(err: unknown): never;
};

/**
 * The pg adapter runs a migration script by splitting it at every `;`, which cuts PL/pgSQL function bodies
 * (the audit log's triggers) apart. PostgreSQL's simple query protocol takes a whole multi-statement script in
 * one call, so send it as it is.
 * Also: the engine reads pg_catalog columns of PostgreSQL's internal one-byte `"char"` type, which the adapter
 * does not map (it fails with "Column type 'char' could not be deserialized"); pg already returns those values
 * as strings, so they are declared text.
 */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const runner = adapter as unknown as ScriptRunner;
    const query = runner.client.query.bind(runner.client);
    runner.client.query = async (...args: unknown[]) => {
      const result = (await query(...args)) as { fields?: Array<{ dataTypeID: number }> };
      for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      return result;
    };
    runner.executeScript = async (sql) => {
      await runner.client.query(sql).catch((err) => runner.onError(err));
    };
    return adapter;
  };
  return factory;
}

export function schemaFiles(flavour: Flavour = SQLITE) {
  return [{ path: flavour.schemaPath, content: readFileSync(flavour.schemaPath, "utf8") }];
}

export function migrationNames(flavour: Flavour = SQLITE): string[] {
  return existsSync(flavour.migrationsDir)
    ? readdirSync(flavour.migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
}

export function migrationList(flavour: Flavour = SQLITE) {
  const dir = flavour.migrationsDir;
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: migrationNames(flavour).map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
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

// Tables created in raw SQL that Prisma's schema language cannot describe (full-text indexes, see
// lib/db/dialects/*-objects.ts): the diff leaves them alone (prisma.config.ts declares the SQLite list too).
export function schemaFilters(flavour: Flavour = SQLITE) {
  return { externalTables: [...flavour.externalTables], externalEnums: [] };
}

/** Applies every pending migration of the URL's database kind to the database at `url`; returns the names applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  const engine = await openSchemaEngine(url);
  try {
    const flavour = flavourOf(url);
    const out = await engine.applyMigrations({
      migrationsList: migrationList(flavour),
      filters: schemaFilters(flavour),
    });
    return out.appliedMigrationNames;
  } finally {
    await engine.close();
  }
}
