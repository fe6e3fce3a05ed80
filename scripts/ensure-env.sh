#!/usr/bin/env bash
# Creates .env with a freshly generated secret when it is missing (never committed), and installs
# dependencies when node_modules is missing or older than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› Installing dependencies (npm ci; better-sqlite3 compiles from source, ~2 min)…"
  npm ci --no-audit --no-fund
fi

if [ ! -f .env ]; then
  echo "› Creating .env with a generated NEXTAUTH_SECRET"
  secret=$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64url'))")
  cat > .env <<ENV
# Generated on first start. Keep it out of git.
DATABASE_URL=file:./data/imprimatur.db
NEXTAUTH_URL=http://localhost:3000
NEXTAUTH_SECRET=$secret
# SMTP_URL=smtp://user:pass@smtp.example.org:587   (without it, mail goes to the in-app outbox)
# MAIL_FROM="Imprimatur <no-reply@example.org>"
ENV
fi
