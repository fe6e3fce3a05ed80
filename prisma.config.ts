import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/db/url";
import { SQLITE_EXTERNAL_TABLES } from "./lib/db/dialects/sqlite-objects";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: databaseUrl() },
  // FTS5 tables (site search, studio draft search) are created by raw-SQL migrations; Prisma must not drop them.
  // (Only the objects list: this file is loaded by `prisma generate`, before any client exists.)
  experimental: { externalTables: true },
  tables: { external: [...SQLITE_EXTERNAL_TABLES] },
});
