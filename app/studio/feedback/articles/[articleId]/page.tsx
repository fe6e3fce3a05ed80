// One article's helpfulness: the rate, the weekly chart (server-drawn SVG + table), and its open reports.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/app/_server/session";
import { articleTitles, formatRate, getArticleFeedbackStats } from "@/lib/feedback/feedback-stats";
import { FeedbackTrend } from "@/components/feedback/feedback-trend";
import "../../feedback.css";

export const metadata: Metadata = { title: "Feedback trends" };

const WEEKS = 12;

export default async function ArticleFeedbackPage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  await requirePermission("feedback.triage", `/studio/feedback/articles/${articleId}`);
  const info = (await articleTitles(db, [articleId])).get(articleId);
  if (!info) notFound();
  const stats = await getArticleFeedbackStats(db, articleId, { weeks: WEEKS });

  return (
    <>
      <p>
        <Link href="/studio/feedback">← Reader feedback</Link>
      </p>
      <h1>Feedback trends: {info.title}</h1>
      <section className="panel-grid" aria-label="Summary">
        <div className="panel">
          <h2>Helpfulness</h2>
          <p className="rate-figure" data-testid="helpfulness-rate">
            {formatRate(stats.rate)}
          </p>
          <p data-testid="helpfulness-counts">
            {stats.total === 0
              ? "No answers yet."
              : `${stats.yes} of ${stats.total} readers found it helpful (${stats.no} did not).`}
          </p>
        </div>
        <div className="panel">
          <h2>Open reports</h2>
          <p className="rate-figure" data-testid="open-reports">
            {stats.openReports}
          </p>
          <p>
            <Link href={`/studio/feedback?articleId=${encodeURIComponent(articleId)}`}>See this article’s reports</Link>
            {" · "}
            <a href={`/articles/${encodeURIComponent(info.slug)}`}>Public page</a>
          </p>
        </div>
      </section>
      <section className="panel" aria-labelledby="trend-heading">
        <h2 id="trend-heading">Last {WEEKS} weeks</h2>
        <FeedbackTrend weeks={stats.weeks} title={`Answers per week for “${info.title}”`} />
      </section>
    </>
  );
}
