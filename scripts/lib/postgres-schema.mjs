// The PostgreSQL schema is derived from prisma/schema.prisma (the one source of truth for the model): the same
// models with provider "postgresql" and its own generated client. `npm run db:generate` writes it; npm test
// (db-migrate --check) fails when the committed copy differs from what this derivation produces.
import { readFileSync } from "node:fs";
import path from "node:path";

export const GENERATED_HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/lib/postgres-schema.mjs (npm run db:generate). Do not edit:\n" +
  "// change prisma/schema.prisma, then run npm run db:generate and npm run db:migrate -- <name>.\n\n";

/** The PostgreSQL schema text for the SQLite schema at `root`/prisma/schema.prisma. */
export function postgresSchemaFrom(sqliteSchema) {
  const replaceOnce = (text, from, to) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma: expected ${from} (PostgreSQL schema derivation)`);
    return text.replace(from, to);
  };
  let text = sqliteSchema;
  text = replaceOnce(text, /output(\s*)= "\.\.\/lib\/generated\/prisma"/, 'output$1= "../../lib/generated/prisma-pg"');
  text = replaceOnce(text, /(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  return GENERATED_HEADER + text;
}

export function schemaPaths(root) {
  return {
    sqlite: path.join(root, "prisma", "schema.prisma"),
    postgres: path.join(root, "prisma", "postgres", "schema.prisma"),
  };
}

export function expectedPostgresSchema(root) {
  return postgresSchemaFrom(readFileSync(schemaPaths(root).sqlite, "utf8"));
}
