// Which database the integration tests run on: SQLite by default, PostgreSQL with TEST_DB=postgres
// (scripts/test.sh runs vitest once for each).
export type TestDatabaseKind = "sqlite" | "postgres";

export type TestDatabaseInfo =
  { kind: "sqlite"; templateFile: string } | { kind: "postgres"; adminUrl: string; template: string };

export const TEMPLATE_DATABASE = "imprimatur_test_template";

export function testDatabaseKind(): TestDatabaseKind {
  return /^postgres(ql)?$/i.test(process.env.TEST_DB ?? "") ? "postgres" : "sqlite";
}
