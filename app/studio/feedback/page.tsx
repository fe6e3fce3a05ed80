// The editors' inbox of readers' feedback: filter by article, reason, status and date; triage each report.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/app/_server/session";
import {
  listArticlesWithFeedback,
  listBlockingCapHits,
  listFeedback,
  listFixCandidates,
  parseFeedbackFilters,
  type FeedbackFilters,
} from "@/lib/feedback/list-feedback";
import {
  FEEDBACK_REASONS,
  FEEDBACK_REASON_LABELS,
  FEEDBACK_STATUSES,
  FEEDBACK_STATUS_LABELS,
  isFeedbackReason,
  isFeedbackStatus,
} from "@/lib/feedback/reasons";
import { TriageControls } from "./triage-controls";
import "./feedback.css";

export const metadata: Metadata = { title: "Reader feedback" };

const STATUS_BADGE: Record<string, string> = { NEW: "warn", ACKNOWLEDGED: "", RESOLVED: "ok", DISMISSED: "" };

function when(d: Date) {
  return d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

function queryString(filters: FeedbackFilters, page: number) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, page })) {
    if (v === undefined || (k === "answer" && v === "no") || (k === "page" && v === 1)) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A server component renders once per request, so "now" is read per request, not per render. */
function oneDayAgo(): Date {
  return new Date(Date.now() - 24 * 3600 * 1000);
}

export default async function FeedbackInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("feedback.triage", "/studio/feedback");
  const filters = parseFeedbackFilters(await searchParams);
  const [{ items, total, pages }, articles, capHits] = await Promise.all([
    listFeedback(db, filters),
    listArticlesWithFeedback(db),
    listBlockingCapHits(db, oneDayAgo()),
  ]);
  const candidates = await listFixCandidates(db, items);
  const noun = filters.answer === "yes" ? "answer" : filters.answer === "all" ? "answer" : "report";

  return (
    <>
      <h1>Reader feedback</h1>
      <p>
        Readers’ answers to “Was this article helpful?”. Reports of <strong>inaccurate</strong> or{" "}
        <strong>outdated</strong> content hold the article’s next publish until they are resolved or dismissed.{" "}
        <Link href="/studio/feedback/least-helpful">Least helpful articles</Link>
      </p>

      {capHits.length > 0 && (
        <section className="notice warn" aria-labelledby="cap-heading" data-testid="blocking-cap-hits">
          <h2 id="cap-heading">Report cap reached in the last 24 hours</h2>
          <p>
            These articles received more “inaccurate” or “outdated” reports in an hour than the cap allows. The extra
            reports are kept below (marked “beyond the hourly cap”) but did not flag the article for re-review by
            themselves. Read them: this is either real news or someone flooding the form.
          </p>
          <ul>
            {capHits.map((hit) => (
              <li key={hit.articleId}>
                <Link href={`/studio/feedback?articleId=${encodeURIComponent(hit.articleId)}`}>{hit.title}</Link>:{" "}
                {hit.reports} report{hit.reports === 1 ? "" : "s"} beyond the cap, the last at{" "}
                <time dateTime={hit.lastAt.toISOString()}>{when(hit.lastAt)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel" aria-labelledby="filters-heading">
        <h2 id="filters-heading">Filters</h2>
        <form method="get" className="feedback-filters">
          <div>
            <label htmlFor="f-article">Article</label>
            <select id="f-article" name="articleId" defaultValue={filters.articleId ?? ""}>
              <option value="">All articles</option>
              {articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-reason">Reason</label>
            <select id="f-reason" name="reason" defaultValue={filters.reason ?? ""}>
              <option value="">Any reason</option>
              {FEEDBACK_REASONS.map((r) => (
                <option key={r} value={r}>
                  {FEEDBACK_REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-status">Status</label>
            <select id="f-status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">Any status</option>
              {FEEDBACK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {FEEDBACK_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-answer">Answer</label>
            <select id="f-answer" name="answer" defaultValue={filters.answer}>
              <option value="no">“No” (reports)</option>
              <option value="yes">“Yes”</option>
              <option value="all">All answers</option>
            </select>
          </div>
          <div>
            <label htmlFor="f-from">From</label>
            <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div>
            <label htmlFor="f-to">To</label>
            <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
          <div className="actions">
            <button type="submit">Apply filters</button>
            <Link href="/studio/feedback">Clear</Link>
          </div>
        </form>
      </section>

      <p role="status" data-testid="feedback-count">
        {total === 0
          ? `No ${noun}s match these filters.`
          : `${total} ${noun}${total === 1 ? "" : "s"}${pages > 1 ? `, page ${filters.page} of ${pages}` : ""}.`}
      </p>

      {items.length > 0 && (
        <ul className="feedback-items">
          {items.map((item) => (
            <li
              key={item.id}
              className="feedback-item"
              data-testid="feedback-item"
              aria-labelledby={`fb-${item.id}-title`}
            >
              <h2 id={`fb-${item.id}-title`}>
                {item.helpful
                  ? "Yes, helpful"
                  : `No — ${isFeedbackReason(item.reason) ? FEEDBACK_REASON_LABELS[item.reason] : "no reason"}`}
                : {item.articleTitle}
              </h2>
              <p className="feedback-meta">
                <span className={`badge ${STATUS_BADGE[item.status] ?? ""}`}>
                  {isFeedbackStatus(item.status) ? FEEDBACK_STATUS_LABELS[item.status] : item.status}
                </span>
                {item.beyondBlockingCap && (
                  <span className="badge warn" data-testid="beyond-cap">
                    Beyond the hourly cap: did not flag re-review
                  </span>
                )}
                <span>
                  Received <time dateTime={item.createdAt.toISOString()}>{when(item.createdAt)}</time>
                </span>
                <span>
                  Reader saw revision {item.revisionNumber}
                  {item.isLiveRevision ? " (live)" : ""}
                </span>
                <Link href={`/studio/feedback/articles/${item.articleId}`}>Trends for this article</Link>
              </p>
              {item.comment ? <p className="feedback-comment">{item.comment}</p> : <p className="empty">No comment.</p>}
              {item.email && (
                <p>
                  Reply to: <a href={`mailto:${item.email}`}>{item.email}</a> (the reader consented)
                </p>
              )}
              {item.status === "RESOLVED" && (
                <p>
                  Resolved by revision {item.resolvedRevisionNumber}
                  {item.triagedByName ? ` — ${item.triagedByName}` : ""}
                  {item.triagedAt ? `, ${when(item.triagedAt)}` : ""}.
                </p>
              )}
              {item.status === "DISMISSED" && (
                <p>
                  Dismissed{item.triagedByName ? ` by ${item.triagedByName}` : ""}:{" "}
                  <span className="feedback-dismiss-reason">{item.dismissReason}</span>
                </p>
              )}
              {item.status === "ACKNOWLEDGED" && item.triagedByName && <p>Acknowledged by {item.triagedByName}.</p>}
              {!item.helpful && (
                <TriageControls feedbackId={item.id} status={item.status} candidates={candidates.get(item.id) ?? []} />
              )}
            </li>
          ))}
        </ul>
      )}

      {pages > 1 && (
        <nav className="pager" aria-label="Pages">
          {filters.page > 1 && (
            <Link href={`/studio/feedback${queryString(filters, filters.page - 1)}`}>Previous page</Link>
          )}
          <span>
            Page {filters.page} of {pages}
          </span>
          {filters.page < pages && (
            <Link href={`/studio/feedback${queryString(filters, filters.page + 1)}`}>Next page</Link>
          )}
        </nav>
      )}
    </>
  );
}
