// What happens once a revision is frozen and its transaction has committed (submit for review): the
// revision joins the plagiarism index, gets a plagiarism report, gets a content-check run, and its sources
// are checked (links answer, no DOI retracted: lib/sources/, unless SOURCE_CHECKS=off). These are
// side effects of the submission, not part of it: they run after the commit, each on its own, and a failure
// in one is logged and returned, never thrown, so a submission that succeeded is never reported as failed.
// The publish gate reads the latest report/run; an editor can re-run them from the report page.
import type { Db } from "../db/client";
import { checkRevisionContent } from "../checks/check-content";
import { checkRevisionPlagiarism, indexRevision } from "../plagiarism/check-revision";
import { plagiarismIndexCoverage } from "../plagiarism/index-coverage";
import { indexMissingSources } from "../plagiarism/reindex";
import { openRebuildJob, queueRebuild } from "../rebuilds/rebuild-jobs";
import { wakeRebuildWorker } from "../rebuilds/rebuild-worker";
import { checkRevisionSources } from "../sources/check-sources";
import { httpReferenceLookup, type ReferenceLookup } from "../sources/reference-lookup";

/**
 * Source checks reach outside services: SOURCE_CHECKS=off turns them off (the unit tests do), and
 * SOURCE_LINK_CHECKS=off keeps the DOI notices but skips fetching reference URLs (the e2e run, whose
 * registries are a local stub and whose seeded links point at real sites).
 */
export function sourceChecksEnabled(): { any: boolean; links: boolean } {
  const any = process.env.SOURCE_CHECKS !== "off";
  return { any, links: any && process.env.SOURCE_LINK_CHECKS !== "off" };
}

export interface AfterFreezeResult {
  plagiarismReportId: string | null;
  similarity: number | null;
  contentCheckRunId: string | null;
  blocking: number | null;
  errors: string[];
}

/**
 * How much missing text a check may add to the index itself before checking (a second or so of work):
 * revisions frozen without this step (the demo seed, an import, test factories) join the index, so they
 * count too. Measured in words (stored with each source), so the decision does not depend on the machine's
 * load.
 */
export const INLINE_INDEX_WORDS = 50_000;

/**
 * A larger gap (a migration emptied the index, a big import) is the rebuild job's (queued here when it is not,
 * lib/rebuilds/), so that no submission carries a whole rebuild; while a rebuild is open, checks leave the
 * index to it. The check then runs against what is indexed and its report says the index was incomplete
 * (check-revision.ts); the job checks it again when it finishes.
 */
async function completeIndexBeforeCheck(db: Db): Promise<void> {
  const coverage = await plagiarismIndexCoverage(db);
  if (coverage.complete || (await openRebuildJob(db, "PLAGIARISM_INDEX"))) return;
  const inline = await indexMissingSources(db, undefined, { batchSize: 20, maxWords: INLINE_INDEX_WORDS });
  if (inline.complete) return;
  const missing = coverage.total - coverage.indexed;
  await queueRebuild(db, "PLAGIARISM_INDEX", `${missing} of ${coverage.total} sources not indexed`, coverage.total);
  wakeRebuildWorker();
}

export async function afterRevisionFrozen(
  db: Db,
  revisionId: string,
  options: { lookup?: ReferenceLookup } = {},
): Promise<AfterFreezeResult> {
  const result: AfterFreezeResult = {
    plagiarismReportId: null,
    similarity: null,
    contentCheckRunId: null,
    blocking: null,
    errors: [],
  };
  try {
    await completeIndexBeforeCheck(db);
  } catch (err) {
    console.error("[afterRevisionFrozen] could not complete the index", err);
  }
  try {
    // Index and report together: a revision in the index always has a report, and a retry starts clean.
    const report = await db.$transaction(async (tx) => {
      await indexRevision(tx, revisionId);
      return checkRevisionPlagiarism(tx, revisionId);
    });
    result.plagiarismReportId = report.id;
    result.similarity = report.similarity;
  } catch (err) {
    result.errors.push(`plagiarism: ${err instanceof Error ? err.message : String(err)}`);
    console.error("[afterRevisionFrozen] plagiarism check failed for", revisionId, err);
  }
  const enabled = sourceChecksEnabled();
  if (enabled.any || options.lookup)
    try {
      const sources = await checkRevisionSources(db, options.lookup ?? httpReferenceLookup(), revisionId, {
        timeoutMs: 8_000,
        skipLinks: !enabled.links && !options.lookup,
      });
      result.errors.push(...sources.errors.map((e) => `sources: ${e}`));
    } catch (err) {
      result.errors.push(`sources: ${err instanceof Error ? err.message : String(err)}`);
      console.error("[afterRevisionFrozen] source checks failed for", revisionId, err);
    }
  try {
    const run = await checkRevisionContent(db, revisionId);
    result.contentCheckRunId = run.id;
    result.blocking = run.blocking;
  } catch (err) {
    result.errors.push(`content checks: ${err instanceof Error ? err.message : String(err)}`);
    console.error("[afterRevisionFrozen] content checks failed for", revisionId, err);
  }
  return result;
}
