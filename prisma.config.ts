import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/db/url";
import { SEARCH_EXTERNAL_TABLES } from "./lib/search/sqlite-schema";
import { STUDIO_DRAFT_SEARCH_EXTERNAL_TABLES } from "./lib/studio/draft-search";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: databaseUrl() },
  // FTS5 tables (site search, studio draft search) are created by raw-SQL migrations; Prisma must not drop them.
  experimental: { externalTables: true },
  tables: { external: [...SEARCH_EXTERNAL_TABLES, ...STUDIO_DRAFT_SEARCH_EXTERNAL_TABLES] },
});
