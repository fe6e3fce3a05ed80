// Each upgrade fixture, upgraded on SQLite as upgrade-from-fixtures.test.ts does it (db:deploy, the rebuild
// job), then moved to PostgreSQL with db:copy (scripts/lib/copy-database.ts), must verify there too: the audit
// chain keyed at the upgrade, every row, both indexes complete, and the readers' pages what the earlier
// release showed. Runs in the PostgreSQL pass of the suite (TEST_DB=postgres), which already has a cluster
// and gives each file its own databases; the cluster test step (tests/cluster) is about several processes.
import { afterAll, describe, expect, inject, it } from "vitest";
import { Client } from "pg";
import { createDb, type Db } from "../../lib/db/client";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { auditKey } from "../../lib/audit/audit-key";
import { getPublicArticle } from "../../lib/public/get-public-article";
import { plagiarismIndexCoverage } from "../../lib/plagiarism/index-coverage";
import { queueNeededRebuilds } from "../../lib/rebuilds/queue-rebuilds";
import { runRebuildJobs } from "../../lib/rebuilds/run-rebuild-jobs";
import { copyDatabase } from "../../scripts/lib/copy-database";
import { withDatabase } from "../../scripts/lib/scratch-postgres";
import { loadFixture, npmScript, UPGRADE_AUDIT_KEY, upgradeFixtures } from "./upgrade-fixtures";

const info = inject("testDatabase");

for (const fixture of upgradeFixtures()) {
  describe(`a ${fixture.version} site upgraded, then moved to PostgreSQL`, () => {
    const site = loadFixture(fixture);
    const key = fixture.auditKey ?? UPGRADE_AUDIT_KEY;
    const name = `upgrade_${fixture.version.replace(/\W/g, "_")}_${Date.now()}`;
    let sqlite: Db | undefined;
    let pg: Db | undefined;
    const previousKey = process.env.AUDIT_HMAC_KEY;
    afterAll(async () => {
      await sqlite?.$disconnect();
      await pg?.$disconnect();
      if (info.kind === "postgres") {
        const admin = new Client({ connectionString: info.adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
      site.cleanup();
      process.env.AUDIT_HMAC_KEY = previousKey;
    });

    it("verifies on PostgreSQL after db:copy, with every row and both indexes", async () => {
      if (info.kind !== "postgres") throw new Error("this file runs in the PostgreSQL pass only (sqlite-only.mjs)");
      const deploy = await npmScript("scripts/db-deploy.ts", [], {
        DATABASE_URL: site.url,
        AUDIT_HMAC_KEY: key,
        SOURCE_CHECKS: "off",
      });
      expect(deploy.code, deploy.out).toBe(0);
      process.env.AUDIT_HMAC_KEY = key;
      expect(auditKey()).not.toBeNull();
      sqlite = createDb(site.url);
      await runRebuildJobs(sqlite, { worker: "upgrade-test", log: () => {} });

      const admin = new Client({ connectionString: info.adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const target = withDatabase(info.adminUrl, name);
      const report = await copyDatabase(site.url, target);
      pg = createDb(target);

      const chain = await verifyAuditChain(pg);
      expect(chain).toMatchObject({ ok: true, firstBroken: null });
      expect(chain.keyedFromId).not.toBeNull();
      expect(chain.checked).toBe(await sqlite.auditEvent.count());
      for (const { table, rows } of report.tables) {
        const counted = await pg.$queryRawUnsafe<Array<{ n: string }>>(`SELECT COUNT(*)::text AS n FROM "${table}"`);
        expect(Number(counted[0].n), table).toBe(rows);
      }
      expect(await plagiarismIndexCoverage(pg)).toMatchObject({ complete: true });
      expect(await queueNeededRebuilds(pg, { dryRun: true })).toEqual([]); // search rebuilt by db:copy
      for (const [slug, then] of Object.entries(fixture.rendering)) {
        const now = await getPublicArticle(pg, slug);
        const kept = Object.fromEntries(Object.keys(then.publicArticle).map((k) => [k, (now as never)?.[k]]));
        expect(kept, slug).toEqual(then.publicArticle);
      }
    }, 240_000);
  });
}
