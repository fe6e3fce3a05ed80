// The content list: every article the person may see, filtered, searched (working drafts, studio-only
// index), sorted and paged by cursor. Filters live in the URL (GET form), so a view can be bookmarked and
// shared, and the page works without JavaScript.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/app/_server/session";
import {
  contentRowReviewers,
  listContent,
  parseContentListQuery,
  type ContentListQuery,
} from "@/lib/article-list/content-list";
import { listSpecialties } from "@/lib/assignments/specialties";
import { ARTICLE_STATUSES, STATUS_LABELS, statusLabel } from "@/lib/workflow/state-machine";
import { bulkAction } from "./actions";
import { BulkForm } from "./bulk-form";
import "./content-list.css";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Articles" };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function ContentListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("studio.access", "/studio/articles");
  const q = parseContentListQuery(await searchParams);
  const seesAll = can(actor, "article.read.any");
  const [list, areas, writers, reviewers] = await Promise.all([
    listContent(db, actor, q),
    listSpecialties(db),
    seesAll
      ? db.user.findMany({
          where: { roles: { some: { role: "WRITER" } } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
          take: 500,
        })
      : Promise.resolve([]),
    seesAll
      ? db.user.findMany({
          where: { roles: { some: { role: "REVIEWER" } } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
          take: 500,
        })
      : Promise.resolve([]),
  ]);
  const now = Date.now();
  const urlWith = (over: Partial<Record<keyof ContentListQuery, string | undefined>>) => {
    const p = new URLSearchParams();
    const merged: Record<string, unknown> = { ...q, cursor: undefined, ...over };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") p.set(k, String(v));
    const s = p.toString();
    return s ? `/studio/articles?${s}` : "/studio/articles";
  };
  const exportUrl = `/api/studio/content/export?${new URLSearchParams(
    Object.entries(q).filter(([k, v]) => k !== "cursor" && k !== "limit" && v !== undefined) as [string, string][],
  ).toString()}`;
  const mayAssign = can(actor, "review.assign");
  const mayRereview = can(actor, "article.publish");
  const select = (name: keyof ContentListQuery, label: string, options: Array<[string, string]>, any: string) => (
    <label>
      {label}{" "}
      <select name={name} defaultValue={(q[name] as string | undefined) ?? ""}>
        <option value="">{any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <h1>Articles</h1>
      <form
        method="get"
        action="/studio/articles"
        className="content-filters"
        aria-label="Filter articles"
        role="search"
      >
        <label>
          Search drafts <input type="search" name="q" defaultValue={q.q ?? ""} placeholder="Title, condition or text" />
        </label>
        {select(
          "state",
          "State",
          ARTICLE_STATUSES.map((s) => [s, STATUS_LABELS[s]]),
          "Any state",
        )}
        {seesAll &&
          select(
            "writer",
            "Writer",
            writers.map((w) => [w.id, w.name]),
            "Any writer",
          )}
        {seesAll &&
          select(
            "reviewer",
            "Reviewer",
            reviewers.map((r) => [r.id, r.name]),
            "Any reviewer",
          )}
        {select(
          "area",
          "Clinical area",
          areas.map((a) => [a.id, a.name]),
          "Any area",
        )}
        {select(
          "live",
          "Live",
          [
            ["yes", "Live"],
            ["no", "Not live"],
          ],
          "Live or not",
        )}
        {select(
          "due",
          "Re-review",
          [
            ["overdue", "Review overdue"],
            ["soon", "Due within 30 days"],
          ],
          "Any",
        )}
        {select("reports", "Reader reports", [["open", "Open reports"]], "Any")}
        {select(
          "sort",
          "Sort by",
          [
            ["updated", "Recently updated"],
            ["title", "Title (A–Z)"],
            ["created", "Newest"],
          ],
          "Recently updated",
        )}
        <button type="submit">Show</button>
        <Link href="/studio/articles">Clear</Link>
      </form>
      <p className="content-tools">
        <a href={exportUrl} download>
          Export this view as CSV
        </a>
        {can(actor, "article.create") && (
          <Link className="button secondary" href="/studio/articles/new">
            New article
          </Link>
        )}
      </p>
      <p role="status" className="content-count">
        {list.rows.length === 0
          ? q.cursor
            ? "No more articles."
            : "No articles match this view."
          : `Showing ${list.rows.length} article${list.rows.length === 1 ? "" : "s"}${list.nextCursor ? " (more on the next page)" : ""}.`}
      </p>
      {list.rows.length > 0 && (
        <BulkForm action={bulkAction}>
          {(mayAssign || mayRereview) && (
            <fieldset className="bulk-controls">
              <legend>With the ticked articles</legend>
              <label>
                Action{" "}
                <select name="bulk" defaultValue={mayAssign ? "assign" : "rereview"}>
                  {mayAssign && <option value="assign">Assign a reviewer</option>}
                  {mayRereview && <option value="rereview">Set the re-review date</option>}
                </select>
              </label>
              {mayAssign && (
                <label>
                  Reviewer{" "}
                  <select name="reviewerId" defaultValue="">
                    <option value="">Choose…</option>
                    {reviewers.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {mayRereview && (
                <label>
                  Re-review on <input type="date" name="reviewDueOn" />
                </label>
              )}
              <button type="submit" className="secondary">
                Apply
              </button>
            </fieldset>
          )}
          <TableScroll label="Articles">
            <table className="content-table" data-testid="content-list">
              <thead>
                <tr>
                  {(mayAssign || mayRereview) && (
                    <th scope="col">
                      <span className="visually-hidden">Select</span>
                    </th>
                  )}
                  <th scope="col">Title</th>
                  <th scope="col">State</th>
                  <th scope="col">Writers</th>
                  <th scope="col">Reviewers</th>
                  <th scope="col">Area</th>
                  <th scope="col">Re-review due</th>
                  <th scope="col">Reports</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => {
                  const title = r.draft?.title || r.slug;
                  const overdue = !!r.liveRevisionId && !!r.reviewDueAt && r.reviewDueAt.getTime() < now;
                  return (
                    <tr key={r.id} data-testid="content-row" className={overdue ? "overdue" : undefined}>
                      {(mayAssign || mayRereview) && (
                        <td>
                          <input type="checkbox" name="articleIds" value={r.id} aria-label={`Select “${title}”`} />
                        </td>
                      )}
                      <td>
                        <Link href={`/studio/articles/${r.id}`}>{title}</Link>
                        {r.liveRevisionId && <span className="badge ok"> Live</span>}
                      </td>
                      <td>{statusLabel(r.status)}</td>
                      <td>{r.authors.map((a) => a.user.name).join(", ")}</td>
                      <td data-testid="row-reviewers">{contentRowReviewers(r).join(", ") || "—"}</td>
                      <td>{r.clinicalArea?.name ?? "—"}</td>
                      <td>
                        {day(r.reviewDueAt)}
                        {overdue && <strong className="badge bad"> Overdue</strong>}
                      </td>
                      <td>{r._count.feedback || "—"}</td>
                      <td>
                        <time dateTime={r.updatedAt.toISOString()}>{day(r.updatedAt)}</time>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </BulkForm>
      )}
      <nav aria-label="Pages" className="content-pages">
        {q.cursor && <Link href={urlWith({})}>First page</Link>}
        {list.nextCursor && (
          <Link href={urlWith({ cursor: list.nextCursor })} rel="next">
            Next page →
          </Link>
        )}
      </nav>
    </>
  );
}
