// Direct access to the e2e server's database, for tests that seed their own data or check what was stored.
import { createDb, type Db } from "../../lib/db/client";
import { E2E_DATABASE_URL } from "./env";

let client: Db | null = null;
export function e2eDb(): Db {
  client ??= createDb(E2E_DATABASE_URL);
  return client;
}
