// Command-line scripts read .env as the server does (Next loads it itself), so `npm run audit:verify` and the
// other scripts see AUDIT_HMAC_KEY and DATABASE_URL without the operator exporting them. Variables already set
// in the environment win, including ones set to "" (which means "none").
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

export function loadDotEnv(file: string = path.resolve(process.cwd(), ".env")): void {
  if (!existsSync(file)) return;
  const vars = parseEnv(readFileSync(file, "utf8"));
  for (const [name, value] of Object.entries(vars)) if (process.env[name] === undefined) process.env[name] = value;
}
