#!/usr/bin/env bash
# npm run start:demo — one command from a fresh clone to the site with demo data on http://localhost:3000:
# install, .env with a generated secret, generate the Prisma client, migrate, seed (adds only what is
# missing, so a second start does not duplicate anything), build, serve.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
# Image processing (sharp/libvips) frees large buffers from several threads; two malloc arenas keep glibc from
# holding them as resident memory (see npm run bench:media).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh
set -a; . ./.env; set +a
echo "› Preparing the database"
npm run --silent db:generate >/dev/null
npm run --silent db:deploy
npm run --silent db:seed
echo "› Building"
npx next build
echo "› Serving on http://localhost:${PORT:-3000}"
# server.ts: Next behind the page cache for anonymous readers (see its header comment).
exec npx tsx server.ts -p "${PORT:-3000}"
