// Drop-in server component for the review screen (and anywhere else a revision's integrity results are
// shown): the latest plagiarism report with its passages and the latest content-check run, read from the
// database, as the viewer may see it. <IntegrityResults revisionId={…} articleId={…} viewer={actor} />
import Link from "next/link";
import { db } from "@/lib/db/client";
import { latestContentCheckRun } from "@/lib/checks/check-content";
import { latestPlagiarismReport } from "@/lib/plagiarism/read-report";
import type { Actor } from "@/lib/auth/policy";
import { getSetting } from "@/lib/settings/settings";
import { PlagiarismReportView } from "@/components/plagiarism/plagiarism-report-view";
import { CheckRunSummary } from "./check-findings-list";
import { SourceStatus } from "./source-status";

export async function IntegrityResults({
  revisionId,
  articleId,
  showPassages = true,
  viewer,
}: {
  revisionId: string;
  articleId: string;
  showPassages?: boolean;
  viewer: Actor;
}) {
  const [report, run, threshold] = await Promise.all([
    latestPlagiarismReport(db, revisionId, viewer),
    latestContentCheckRun(db, revisionId),
    getSetting(db, "plagiarism.thresholdPercent"),
  ]);
  return (
    <section className="integrity-results" aria-label="Integrity checks">
      {report ? (
        showPassages ? (
          <PlagiarismReportView report={report} thresholdPercent={threshold} headingLevel={3} />
        ) : (
          <p className={`notice ${report.similarity >= threshold ? "error" : "ok"}`}>
            Plagiarism: {report.similarity.toFixed(1)}% overall similarity ({report.matches.length} matching source
            {report.matches.length === 1 ? "" : "s"}), threshold {threshold}%.{" "}
            <Link href={`/studio/articles/${articleId}/plagiarism?revision=${revisionId}`}>See the passages</Link>
          </p>
        )
      ) : (
        <p className="notice warn">No plagiarism report exists for this revision yet.</p>
      )}
      <CheckRunSummary run={run} />
      <SourceStatus revisionId={revisionId} />
    </section>
  );
}
