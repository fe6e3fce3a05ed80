// Site-wide: the articles readers found least helpful, to decide where editing effort goes first.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/app/_server/session";
import { formatRate, listLeastHelpful } from "@/lib/feedback/feedback-stats";
import "../feedback.css";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Least helpful articles" };

export default async function LeastHelpfulPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("feedback.triage", "/studio/feedback/least-helpful");
  const raw = (await searchParams).min;
  const parsed = Number(Array.isArray(raw) ? raw[0] : raw);
  const minAnswers = Number.isInteger(parsed) && parsed >= 1 && parsed <= 10_000 ? parsed : 3;
  const rows = await listLeastHelpful(db, { minAnswers, limit: 50 });

  return (
    <>
      <p>
        <Link href="/studio/feedback">← Reader feedback</Link>
      </p>
      <h1>Least helpful articles</h1>
      <form method="get" className="feedback-filters">
        <div>
          <label htmlFor="min">Only articles with at least this many answers</label>
          <input id="min" name="min" type="number" min={1} max={10000} defaultValue={minAnswers} />
        </div>
        <div className="actions">
          <button type="submit">Update</button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="empty">No article has {minAnswers} or more answers yet.</p>
      ) : (
        <TableScroll label="Least helpful articles">
          <table data-testid="least-helpful">
            <caption className="visually-hidden">Articles ordered from least to most helpful</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Helpful</th>
                <th scope="col">Yes</th>
                <th scope="col">No</th>
                <th scope="col">Open reports</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.articleId}>
                  <th scope="row">
                    <Link href={`/studio/feedback/articles/${r.articleId}`}>{r.title}</Link>
                  </th>
                  <td>{formatRate(r.rate)}</td>
                  <td>{r.yes}</td>
                  <td>{r.no}</td>
                  <td>{r.openReports}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
