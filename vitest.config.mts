import { defineConfig } from "vitest/config";
import { POSTGRES_ONLY_TEST_FILES, SQLITE_ONLY_TEST_FILES } from "./tests/helpers/sqlite-only.mjs";

const onPostgres = /^postgres(ql)?$/i.test(process.env.TEST_DB ?? "");

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    // tests/server runs the production build as a server (vitest.server.config.mts, after `next build`).
    // TEST_DB=postgres runs the same files on PostgreSQL, except those about one database itself.
    exclude: [
      "tests/server/**",
      "**/node_modules/**",
      ...Object.keys(onPostgres ? SQLITE_ONLY_TEST_FILES : POSTGRES_ONLY_TEST_FILES),
    ],
    environment: "node",
    // Tests never reach the network: source checks run only where a test passes a stub lookup.
    env: { SOURCE_CHECKS: "off" },
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Integration tests each create their own database; run files in parallel, tests in a file in order.
    pool: "forks",
    // PostgreSQL: every test file loads that database's query compiler and opens a connection pool on its first
    // query, and each query is a round trip; on a busy 2-core machine the first test of a file can need more.
    testTimeout: onPostgres ? 60_000 : 20_000,
    hookTimeout: 60_000,
  },
});
