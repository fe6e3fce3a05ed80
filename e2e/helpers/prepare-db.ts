// Run by the e2e web server command before migrating and seeding: removes the previous run's database so
// every run starts from a fresh file (migrations and seed then run as separate commands, as in production).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E_DB_FILE, E2E_MEDIA_DIR } from "./env";

mkdirSync(path.dirname(E2E_DB_FILE), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(E2E_DB_FILE + suffix, { force: true });
rmSync(E2E_MEDIA_DIR, { recursive: true, force: true });
