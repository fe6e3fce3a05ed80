import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { loadWorklists, type reviewQueue } from "@/lib/worklists/load-worklists";
import { ActionForm } from "@/components/studio/action-form";
import { claimReviewAction } from "./assignments/actions";
import { ARTICLE_STATUSES, STATUS_LABELS, statusLabel } from "@/lib/workflow/state-machine";
import { requirePermission } from "@/app/_server/session";
import { reviewDueLists } from "@/lib/publishing/review-due";
import { ReviewDuePanel } from "@/components/review/review-due-panel";
import { RebuildPanel } from "@/components/studio/rebuild-panel";
import { TableScroll } from "@/components/studio/table-scroll";
import { can } from "@/lib/auth/policy";
import { currentDeclaration, listStaleDeclarations } from "@/lib/declarations/load-declarations";
import { DECLARATION_RENEWAL_MONTHS, mayDeclare } from "@/lib/declarations/declaration-kinds";

export const metadata: Metadata = { title: "Dashboard" };

type ArticleRow = {
  id: string;
  slug: string;
  status: string;
  updatedAt: Date;
  liveRevisionId: string | null;
  draft: { title: string } | null;
};

function ArticleList({
  articles,
  empty,
  href,
  label,
}: {
  articles: ArticleRow[];
  /** What the table lists, for its scroller's accessible name. */
  label: string;
  empty: string;
  href: (a: ArticleRow) => string;
}) {
  if (!articles.length) return <p className="empty">{empty}</p>;
  return (
    <TableScroll label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">State</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={href(a)}>{a.draft?.title || a.slug}</Link>
                {a.liveRevisionId && (
                  <span className="badge ok" style={{ marginLeft: ".5rem" }}>
                    Live
                  </span>
                )}
              </td>
              <td>{statusLabel(a.status)}</td>
              <td>
                <time dateTime={a.updatedAt.toISOString()}>
                  {a.updatedAt.toISOString().slice(0, 16).replace("T", " ")}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type QueueRow = Awaited<ReturnType<typeof reviewQueue>>[number];

/** Assigned to you first (due date, overdue highlighted), then claimable, then assigned to someone else. */
function ReviewQueue({ queue }: { queue: QueueRow[] }) {
  if (!queue.length) return <p className="empty">Nothing is waiting for your review.</p>;
  const day = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{d.toISOString().slice(0, 10)}</time> : "—");
  return (
    // Six columns: the table scrolls sideways inside its own box on a phone rather than widening the page.
    <TableScroll label="Review queue">
      <table className="review-queue" data-testid="review-queue">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Writer</th>
            <th scope="col">Submitted</th>
            <th scope="col">Specialty</th>
            <th scope="col">Due</th>
            <th scope="col">Assignment</th>
          </tr>
        </thead>
        <tbody>
          {queue.map((a) => (
            <tr key={a.id} className={a.overdue ? "overdue" : undefined} data-testid="queue-row">
              <td>
                <Link href={`/studio/articles/${a.id}/review`}>{a.draft?.title || a.slug}</Link>
              </td>
              <td data-testid="queue-writer">{a.writers.join(", ") || "—"}</td>
              <td data-testid="queue-submitted">{day(a.submittedAt)}</td>
              <td data-testid="queue-specialty">{a.area ?? "Not set"}</td>
              <td data-testid="queue-due">
                {day(a.dueAt)}
                {a.overdue && <span className="badge bad"> Overdue</span>}
              </td>
              <td>
                {a.assignedToYou ? (
                  <strong>Assigned to you</strong>
                ) : a.claimable ? (
                  <ActionForm
                    action={claimReviewAction}
                    submitLabel="Claim"
                    pendingLabel="Claiming…"
                    buttonClass="secondary small"
                    label={`Claim review of ${a.draft?.title || a.slug}`}
                  >
                    <input type="hidden" name="articleId" value={a.id} />
                  </ActionForm>
                ) : (
                  <>Assigned to {a.assignees.join(", ")}</>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default async function StudioDashboard() {
  const actor = await requirePermission("studio.access", "/studio");
  const { drafts, queue, editorial, users, rebuilds } = await loadWorklists(db, actor);
  // Editors and reviewers see which live articles are overdue or due soon for medical re-review.
  const due = editorial || queue ? await reviewDueLists(db) : null;
  // Declarations of interest: the owner is asked to make or renew theirs; admins see who needs to.
  const declares = can(actor, "declarations.own") && mayDeclare(actor);
  const declaration = declares ? await currentDeclaration(db, actor.id) : null;
  const staleDeclarations = users ? await listStaleDeclarations(db) : null;
  return (
    <>
      <h1>Dashboard</h1>
      {declares && (!declaration || declaration.stale) && (
        <p className="notice warn" data-testid="declaration-due">
          {declaration
            ? `Your declaration of interests was made on ${declaration.createdAt.toISOString().slice(0, 10)}, more than ${DECLARATION_RENEWAL_MONTHS} months ago. `
            : "You have not declared your interests yet. "}
          <Link href="/studio/declarations">{declaration ? "Check and renew it" : "Make your declaration"}</Link>
        </p>
      )}
      <div className="panel-grid">
        {drafts && (
          <section className="panel" aria-labelledby="drafts-heading" data-testid="area-writer">
            <h2 id="drafts-heading">Your articles</h2>
            <p>
              <Link className="button" href="/studio/articles/new">
                New article
              </Link>
            </p>
            <ArticleList
              articles={drafts}
              label="Your articles"
              empty="You have no articles yet."
              href={(a) => `/studio/articles/${a.id}/edit`}
            />
          </section>
        )}
        {queue && (
          <section className="panel panel-wide" aria-labelledby="queue-heading" data-testid="area-reviewer">
            <h2 id="queue-heading">Review queue</h2>
            <ReviewQueue queue={queue} />
          </section>
        )}
        {editorial && (
          <section className="panel" aria-labelledby="editorial-heading" data-testid="area-editor">
            <h2 id="editorial-heading">Articles by state</h2>
            <ul className="stat-list">
              {ARTICLE_STATUSES.map((s) => (
                <li key={s}>
                  {STATUS_LABELS[s]}: <strong>{editorial.counts[s] ?? 0}</strong>
                </li>
              ))}
            </ul>
            <p>
              <Link href="/studio/standards">Standards report</Link>: which articles have the evidence each criterion
              asks for
            </p>
            <h3>Recently changed</h3>
            <ArticleList
              articles={editorial.recent}
              label="Recently changed articles"
              empty="No articles yet."
              href={(a) => `/studio/articles/${a.id}/publish`}
            />
          </section>
        )}
        {due && <ReviewDuePanel lists={due} />}
        {rebuilds && <RebuildPanel jobs={rebuilds} />}
        {users && (
          <section className="panel" aria-labelledby="admin-heading" data-testid="area-admin">
            <h2 id="admin-heading">Administration</h2>
            <ul className="stat-list">
              <li>
                Active users: <strong>{users.active}</strong>
              </li>
              <li>
                Disabled: <strong>{users.disabled}</strong>
              </li>
              <li>
                Credentials to verify: <strong>{users.pendingCredentials}</strong>
              </li>
              {staleDeclarations && (
                <li data-testid="stale-declarations">
                  Declarations of interest missing or older than {DECLARATION_RENEWAL_MONTHS} months:{" "}
                  <strong>{staleDeclarations.length}</strong>
                  {staleDeclarations.length > 0 && (
                    <>
                      {" "}
                      (
                      {staleDeclarations
                        .slice(0, 8)
                        .map((p) => p.name)
                        .join(", ")}
                      {staleDeclarations.length > 8 ? ", …" : ""})
                    </>
                  )}
                </li>
              )}
            </ul>
            <p>
              <Link href="/studio/admin/users">Manage users and roles</Link>
            </p>
            <p>
              <Link href="/studio/standards">Standards report</Link>
            </p>
          </section>
        )}
      </div>
    </>
  );
}
