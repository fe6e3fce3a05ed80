import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    // Those run the production build as a server (vitest.server.config.mts, after `next build`).
    exclude: ["tests/server/**", "**/node_modules/**"],
    environment: "node",
    // Tests never reach the network: source checks run only where a test passes a stub lookup.
    env: { SOURCE_CHECKS: "off" },
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Integration tests each create their own SQLite file; run files in parallel, tests in a file in order.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
