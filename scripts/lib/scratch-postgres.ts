// A PostgreSQL database to throw away after use, for scripts that need one briefly (db:migrate, db:copy
// tests): a fresh database in the cluster named by PG_ADMIN_URL when set (any database of a running cluster,
// used to CREATE/DROP), otherwise in a throwaway cluster started for the occasion (scripts/lib/pg-cluster.ts).
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { startCluster, type PgCluster } from "./pg-cluster";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createScratchDatabase(prefix = "scratch"): Promise<ScratchDatabase> {
  let cluster: PgCluster | undefined;
  let admin = process.env.PG_ADMIN_URL;
  if (!admin) {
    const started = await startCluster();
    cluster = started;
    // Never leave a cluster behind, even when the script dies before drop().
    process.once("exit", () => started.stop());
    admin = started.url;
  }
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return {
    url: withDatabase(admin, name),
    async drop() {
      if (cluster) return cluster.stop();
      const c = new Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
