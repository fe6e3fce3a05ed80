// Tests against the production build run as a real server process (tests/server), e.g. a crash under load.
// Run after `npx next build` (scripts/test.sh).
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["tests/server/**/*.test.ts"],
    environment: "node",
    env: { SOURCE_CHECKS: "off" },
    // One server at a time: each test file starts its own, and the machine has few cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
