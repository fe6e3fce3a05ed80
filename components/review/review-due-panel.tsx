// Dashboard panel: live articles overdue for medical re-review, and those due soon (lib/publishing/review-due.ts).
import Link from "next/link";
import type { reviewDueLists } from "@/lib/publishing/review-due";

type Lists = Awaited<ReturnType<typeof reviewDueLists>>;
const day = (d: Date) => d.toISOString().slice(0, 10);
const ACTION_LABELS: Record<string, string> = {
  NOTICE: "readers see the “due for review” notice",
  NOINDEX: "notice shown, not indexed by search engines",
  WITHDRAWN: "taken down",
};

function overdueFor(days: number): string {
  if (days < 1) return "overdue since today";
  return `overdue for ${days} day${days === 1 ? "" : "s"}`;
}

function List({
  items,
  empty,
  testId,
  overdue = false,
}: {
  items: Lists["overdue"];
  empty: string;
  testId: string;
  overdue?: boolean;
}) {
  if (!items.length) return <p className="empty">{empty}</p>;
  return (
    <ul data-testid={testId}>
      {items.map((a) => (
        <li key={a.id}>
          <Link href={`/studio/articles/${a.id}/review`}>{a.title}</Link> — due{" "}
          <time dateTime={a.reviewDueAt.toISOString()}>{day(a.reviewDueAt)}</time>
          {overdue ? (
            <span className="overdue-for" data-testid="overdue-for">
              {" "}
              · {overdueFor(a.overdueDays)}
              {a.overdueAction ? ` · ${ACTION_LABELS[a.overdueAction] ?? a.overdueAction}` : ""}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ReviewDuePanel({ lists }: { lists: Lists }) {
  return (
    <section className="panel" aria-labelledby="review-due-heading" data-testid="review-due">
      <h2 id="review-due-heading">Medical re-review</h2>
      <h3>Overdue ({lists.overdue.length})</h3>
      <List items={lists.overdue} empty="Nothing is overdue." testId="review-overdue" overdue />
      <h3>
        Due within {lists.dueSoonDays} days ({lists.dueSoon.length})
      </h3>
      <List items={lists.dueSoon} empty="Nothing is due soon." testId="review-due-soon" />
    </section>
  );
}
