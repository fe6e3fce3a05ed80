// The integrity results of one revision: its latest plagiarism report (passages side by side, highlighted)
// and its latest content-check run. Defaults to the article's current revision; ?revision= picks another.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import { loadArticleAccess } from "@/lib/articles/article-access";
import { latestContentCheckRun } from "@/lib/checks/check-content";
import { latestPlagiarismReport } from "@/lib/plagiarism/read-report";
import { getSetting } from "@/lib/settings/settings";
import { requirePermission } from "@/app/_server/session";
import { PlagiarismReportView } from "@/components/plagiarism/plagiarism-report-view";
import { CheckRunSummary } from "@/components/checks/check-findings-list";
import { SourceStatus } from "@/components/checks/source-status";
import { RerunChecksForm } from "./rerun-form";
import { ArticleWorkspaceHeader } from "../workspace-header";

export const metadata: Metadata = { title: "Integrity checks" };

export default async function ArticleIntegrityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ revision?: string }>;
}) {
  const { id } = await params;
  const { revision: revisionParam } = await searchParams;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}/plagiarism`);
  const article = await db.article.findUnique({
    where: { id },
    select: { id: true, currentRevisionId: true },
  });
  if (!article || !(await loadArticleAccess(db, actor, id)).may.read) notFound();
  const revisions = await db.revision.findMany({
    where: { articleId: id },
    orderBy: { number: "desc" },
    select: { id: true, number: true, title: true, createdAt: true },
  });
  const wanted = revisionParam ?? article.currentRevisionId ?? revisions[0]?.id;
  const revision = revisions.find((r) => r.id === wanted);
  if (revisionParam && !revision) notFound();
  const [report, run, threshold] = revision
    ? await Promise.all([
        latestPlagiarismReport(db, revision.id, actor),
        latestContentCheckRun(db, revision.id),
        getSetting(db, "plagiarism.thresholdPercent"),
      ])
    : [null, null, 0];
  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={id} current="plagiarism" />
      <h2 className="visually-hidden">Integrity checks</h2>
      {!revision ? (
        <p className="empty">
          This article has no submitted revision yet. Checks run when a draft is submitted for review.
        </p>
      ) : (
        <>
          <section className="panel" aria-labelledby="revision-heading">
            <h2 id="revision-heading">
              Revision {revision.number}{" "}
              <span className="field-hint">
                submitted {revision.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </span>
            </h2>
            {revisions.length > 1 && (
              <nav aria-label="Other revisions">
                Other revisions:{" "}
                {revisions
                  .filter((r) => r.id !== revision.id)
                  .slice(0, 10)
                  .map((r, i) => (
                    <span key={r.id}>
                      {i > 0 && ", "}
                      <Link href={`/studio/articles/${id}/plagiarism?revision=${r.id}`}>revision {r.number}</Link>
                    </span>
                  ))}
              </nav>
            )}
            {can(actor, "checks.run") && <RerunChecksForm articleId={id} revisionId={revision.id} />}
          </section>
          <div className="panel">
            {report ? (
              <PlagiarismReportView report={report} thresholdPercent={threshold} />
            ) : (
              <p className="notice warn">No plagiarism report exists for this revision yet.</p>
            )}
          </div>
          <div className="panel">
            <CheckRunSummary run={run} />
          </div>
          <div className="panel">
            <SourceStatus revisionId={revision.id} />
          </div>
        </>
      )}
    </>
  );
}
