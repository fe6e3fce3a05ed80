// A site made by an earlier release, upgraded by the current code: every fixture under tests/fixtures/upgrade/
// (one per release that changed the schema; see its README) is loaded as that release left it, then upgraded
// the way an operator does it (db:deploy), and must come out whole: every row kept, the audit chain verifying
// at once, a backup that passes its check and restores, both derived indexes complete after the rebuild job,
// and the readers' pages what that release showed.
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { createDb, type Db } from "../../lib/db/client";
import { getPublicArticle } from "../../lib/public/get-public-article";
import { renderDocument } from "../../lib/content/render";
import { plagiarismIndexCoverage } from "../../lib/plagiarism/index-coverage";
import { checkRevisionPlagiarism } from "../../lib/plagiarism/check-revision";
import { runRebuildJobs } from "../../lib/rebuilds/run-rebuild-jobs";
import { queueNeededRebuilds } from "../../lib/rebuilds/queue-rebuilds";
import { fingerprint, DEFAULT_PARAMS } from "../../lib/plagiarism/winnow";
import { tokenize } from "../../lib/plagiarism/tokenize";
import { revisionCheckableText } from "../../lib/plagiarism/check-revision";
import { migrationNames, SQLITE } from "../../scripts/lib/schema-engine";
import { fixtureRows, loadFixture, npmScript, tableRows, UPGRADE_AUDIT_KEY, upgradeFixtures } from "./upgrade-fixtures";

/**
 * What a migration deliberately does not keep, and why (each is in CHANGELOG.md's upgrade notes). Everything
 * else, every row and every column an earlier release stored, must still be there with the same value.
 */
const NOT_KEPT: Record<string, string> = {
  LoginFailure: "dropped by 20261130140235_accounts: failed sign-ins are counted in AttemptCounter from then on",
  Fingerprint: "derived; emptied by 20261130132059_paraphrase_fingerprints and rebuilt by the rebuild job (below)",
  FingerprintSource: "derived, as Fingerprint",
};

for (const fixture of upgradeFixtures()) {
  describe(`upgrading a site made by ${fixture.version} (${fixture.commit.slice(0, 7)})`, () => {
    const site = loadFixture(fixture);
    const env = {
      DATABASE_URL: site.url,
      AUDIT_HMAC_KEY: fixture.auditKey ?? UPGRADE_AUDIT_KEY,
      SOURCE_CHECKS: "off",
    };
    let db: Db;
    afterAll(async () => {
      await db?.$disconnect();
      site.cleanup();
    });

    it("db:deploy -- --dry-run lists what it would do and changes nothing", async () => {
      const before = Object.keys(fixture.tables).includes("_prisma_migrations") ? fixture.tables._prisma_migrations : 0;
      const pending = migrationNames(SQLITE).length - before;
      const dry = await npmScript("scripts/db-deploy.ts", ["--dry-run"], env);
      expect(dry.code, dry.out).toBe(0);
      expect(dry.out).toContain(`Would apply ${pending} migration(s)`);
      if (!fixture.auditKey) expect(dry.out).toMatch(/Would bring the audit chain format 2/);
      expect(dry.out).toContain("Dry run: nothing was changed.");
      const raw = new Database(site.file, { readonly: true });
      expect((raw.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`).get() as { n: number }).n).toBe(before);
      raw.close();
    }, 120_000);

    it("db:deploy migrates, keys the audit chain and queues the index rebuilds", async () => {
      const deploy = await npmScript("scripts/db-deploy.ts", [], env);
      expect(deploy.code, deploy.out).toBe(0);
      expect(deploy.out).toMatch(/Applied \d+ migration\(s\)/);
      if (!fixture.auditKey) expect(deploy.out).toMatch(/Brought the audit chain format 2 .*keyed from event #\d+/);
      expect(deploy.out).toMatch(/Queued a rebuild of the Plagiarism index/);
    }, 120_000);

    it("keeps every row and every column value the earlier release stored", () => {
      const before = fixtureRows(fixture);
      const raw = new Database(site.file, { readonly: true });
      try {
        const after = tableRows(raw, [...before.keys()], (table) => before.get(table)?.columns);
        for (const [table, old] of before) {
          if (NOT_KEPT[table]) continue;
          expect(after.has(table), `table ${table} is gone`).toBe(true);
          const now = after.get(table)!;
          if (table === "_prisma_migrations") {
            expect(now.rows.length).toBeGreaterThan(old.rows.length);
            continue; // the old rows are checked by name below
          }
          if (table === "AuditEvent") {
            // Appended to, never changed: the old events first, then the keyed-from event of the upgrade.
            expect(now.rows.slice(0, old.rows.length), "the earlier audit events").toEqual(old.rows);
            const added = now.rows.slice(old.rows.length).map((r) => r[now.columns.indexOf("action")]);
            expect(added).toEqual(fixture.auditKey ? [] : ["audit.chain_keyed"]);
            continue;
          }
          expect(now.rows.length, `rows of ${table}`).toBe(fixture.tables[table]);
          expect(now.rows, `values of ${table}`).toEqual(old.rows);
        }
        const names = raw.prepare(`SELECT migration_name AS n FROM _prisma_migrations`).all() as Array<{ n: string }>;
        expect(new Set(names.map((r) => r.n))).toEqual(new Set(migrationNames(SQLITE)));
      } finally {
        raw.close();
      }
    });

    it("audit:verify passes before anything else happens on the site", async () => {
      const verify = await npmScript("scripts/audit-verify.ts", [], env);
      expect(verify.code, verify.out).toBe(0);
      expect(verify.out).toMatch(/Audit chain intact: \d+ events checked .*keyed from #\d+/);
    }, 120_000);

    it("db:backup passes its check, and db:restore takes that backup, before any change", async () => {
      const backup = `${site.dir}/backup.db`;
      const made = await npmScript("scripts/db-backup.ts", [backup], env);
      expect(made.code, made.out).toBe(0);
      expect(made.out).toMatch(/integrity_check ok; Audit chain intact/);
      const restored = await npmScript("scripts/db-restore.ts", [backup], env);
      expect(restored.code, restored.out).toBe(0);
      expect(restored.out).toMatch(/Restored .* Start \(or restart\) the server now/);
      db = createDb(site.url); // the site starts again on the restored file
    }, 180_000);

    it("the rebuild job completes both indexes, sentence sketches included, with progress", async () => {
      expect((await plagiarismIndexCoverage(db)).complete).toBe(false);
      const lines: string[] = [];
      await runRebuildJobs(db, { worker: "upgrade-test", log: (l) => lines.push(l) });
      expect(lines.join("\n")).toMatch(/Plagiarism index .*: \d+ of \d+ sources \(100%\)/);
      expect(await db.rebuildJob.findMany({ select: { kind: true, status: true } })).toEqual(
        expect.arrayContaining([
          { kind: "PLAGIARISM_INDEX", status: "DONE" },
          { kind: "SEARCH_INDEX", status: "DONE" },
        ]),
      );
      expect(await queueNeededRebuilds(db, { dryRun: true })).toEqual([]);
      expect(await plagiarismIndexCoverage(db)).toMatchObject({ complete: true });
      const live = await db.article.count({ where: { liveRevisionId: { not: null } } });
      expect(await db.searchEntry.count()).toBe(live);

      // The exact stage holds what the earlier release's index held for every one of its sources.
      const old = fixtureRows(fixture);
      const oldSources = old.get("FingerprintSource");
      if (oldSources) {
        const col = (name: string) => oldSources.columns.indexOf(name);
        for (const src of oldSources.rows) {
          const kind = String(src[col("kind")]);
          const sourceId = String(src[col("sourceId")]);
          const oldNo = src[col("id")];
          const fpCols = old.get("Fingerprint")!.columns;
          const had = old
            .get("Fingerprint")!
            .rows.filter((r) => r[fpCols.indexOf("sourceNo")] === oldNo)
            .map((r) => `${r[fpCols.indexOf("hash")]}@${r[fpCols.indexOf("position")]}`)
            .sort();
          const now = await db.fingerprintSource.findUniqueOrThrow({ where: { kind_sourceId: { kind, sourceId } } });
          const rows = await db.$queryRawUnsafe<Array<{ hash: number | bigint; position: number | bigint }>>(
            `SELECT "hash", "position" FROM "Fingerprint" WHERE "sourceNo" = ${now.id}`,
          );
          expect(rows.map((r) => `${r.hash}@${r.position}`).sort(), `${kind} ${sourceId}`).toEqual(had);
          const sketches = await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(
            `SELECT COUNT(*) AS n FROM "SentenceSketch" WHERE "sourceNo" = ${now.id}`,
          );
          expect(Number(sketches[0].n), `sentence sketches of ${kind} ${sourceId}`).toBeGreaterThan(0);
        }
      }
      // And every revision, old or not, is fingerprinted as the current code fingerprints it.
      for (const r of await db.revision.findMany()) {
        const source = await db.fingerprintSource.findUniqueOrThrow({
          where: { kind_sourceId: { kind: "REVISION", sourceId: r.id } },
        });
        expect(source.fingerprintCount).toBe(
          fingerprint(tokenize(revisionCheckableText(r)).words, DEFAULT_PARAMS).length,
        );
      }
    }, 180_000);

    it("a plagiarism check after the rebuild finds what the earlier release found", async () => {
      const old = fixtureRows(fixture).get("PlagiarismReport")!;
      const c = (name: string) => old.columns.indexOf(name);
      for (const report of old.rows) {
        const revisionId = String(report[c("revisionId")]);
        const matchedBefore = (JSON.parse(String(report[c("matchesJson")])) as Array<{ source: { id: string } }>).map(
          (m) => m.source.id,
        );
        const now = await db.$transaction((tx) => checkRevisionPlagiarism(tx, revisionId), { timeout: 60_000 });
        const matchedNow = (JSON.parse(now.matchesJson) as Array<{ source: { id: string } }>).map((m) => m.source.id);
        expect(matchedNow, `sources matched by revision ${revisionId}`).toEqual(expect.arrayContaining(matchedBefore));
        expect(now.similarity).toBeGreaterThanOrEqual(Number(report[c("similarity")]));
        expect(JSON.parse(now.parametersJson)).toMatchObject({ indexComplete: true });
      }
    }, 120_000);

    it("readers' pages show what the earlier release showed", async () => {
      expect(Object.keys(fixture.rendering).length).toBeGreaterThan(0);
      for (const [slug, then] of Object.entries(fixture.rendering)) {
        const now = await getPublicArticle(db, slug);
        expect(now, slug).not.toBeNull();
        // Every field that release's page was made of, with the same value (later releases add fields).
        const kept = Object.fromEntries(Object.keys(then.publicArticle).map((k) => [k, (now as never)[k]]));
        expect(kept, slug).toEqual(then.publicArticle);
        // Rendering the stored document again (as a republish would) gives the same body.
        const revision = await db.revision.findUniqueOrThrow({ where: { id: now!.revisionId } });
        expect(renderDocument(JSON.parse(revision.bodyJson), JSON.parse(revision.referencesJson)).html).toBe(
          then.renderedBodyHtml,
        );
      }
    });
  });
}
