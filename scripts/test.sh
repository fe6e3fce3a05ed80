#!/usr/bin/env bash
# npm test — the whole suite: migrations match the schema (SQLite and PostgreSQL), formatting (Prettier), lint
# (ESLint), types, unit + integration tests (vitest) on SQLite and again on PostgreSQL (a fresh database per test
# file), production build, server tests against the build (tests/server, e.g. a crash under load), db:copy of the
# demo site and two app processes on one PostgreSQL database (tests/cluster, ~1 min), end-to-end tests in Chromium
# (Playwright, on SQLite).
# PostgreSQL: a throwaway cluster in a temporary folder (scripts/lib/pg-cluster.ts; Debian's `postgresql`
# package must be installed: .ci/run does it), stopped and removed on exit.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh
npm run --silent db:generate >/dev/null

echo "› Starting a throwaway PostgreSQL cluster"
eval "$(npx tsx scripts/pg-cluster.ts start --port "${PG_PORT:-5439}")"
trap 'npx tsx scripts/pg-cluster.ts stop "$PG_CLUSTER_DIR"' EXIT
export PG_ADMIN_URL="$PG_URL"

echo "› Checking migrations against prisma/schema.prisma (SQLite and PostgreSQL)"
npx tsx scripts/db-migrate.ts --check
echo "› Formatting (Prettier)"
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }
echo "› Lint (ESLint)"
npx eslint .
echo "› Type-checking"
npx tsc --noEmit
echo "› Unit and integration tests on SQLite"
npx vitest run
echo "› Integration tests on PostgreSQL"
TEST_DB=postgres npx vitest run
echo "› Building for end-to-end tests"
npx next build
echo "› Server tests (the build run as a real server process)"
npm run --silent test:server
echo "› Moving a site to PostgreSQL and two app processes on it (npm run test:cluster)"
npx tsx tests/cluster/two-processes.ts
echo "› End-to-end tests (Chromium)"
npx playwright test
