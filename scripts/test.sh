#!/usr/bin/env bash
# npm test — the whole suite: migrations match the schema, formatting (Prettier), lint (ESLint), types,
# unit + integration tests (vitest, fresh SQLite file per test file), production build, server tests against the
# build (tests/server, e.g. a crash under load), end-to-end tests in Chromium (Playwright).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh
npm run --silent db:generate >/dev/null
echo "› Checking migrations against prisma/schema.prisma"
npx tsx scripts/db-migrate.ts --check
echo "› Formatting (Prettier)"
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }
echo "› Lint (ESLint)"
npx eslint .
echo "› Type-checking"
npx tsc --noEmit
echo "› Unit and integration tests"
npx vitest run
echo "› Building for end-to-end tests"
npx next build
echo "› Server tests (the build run as a real server process)"
npx vitest run --config vitest.server.config.mts
echo "› End-to-end tests (Chromium)"
npx playwright test
