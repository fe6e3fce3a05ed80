// Revision history: who froze each revision, when, why; pick any two (or a revision and the working draft)
// to compare; restore an old one as the working draft. The compare form is a plain GET form (works without JS).
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_server/session";
import { db } from "@/lib/db/client";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { ArticleWorkspaceHeader } from "../workspace-header";
import { loadArticleOr404 } from "../load";
import { RestoreButton } from "./restore-button";
import "../../_editor/editor.css";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "History" };

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}/history`);
  const state = await loadArticleOr404(actor, id);
  const revisions = await listRevisions(db, id);
  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={id} current="history" />
      <h2 className="visually-hidden">Revision history</h2>
      {revisions.length === 0 ? (
        <p className="empty">
          No revisions yet. A revision is frozen when the draft is submitted for review or saved as a revision in the
          editor.
        </p>
      ) : (
        // The restore buttons are forms of their own, so the compare form cannot wrap the table (forms do not
        // nest): its radios and button join it through the `form` attribute.
        <div className="history-form">
          <form id="compare-form" method="get" action={`/studio/articles/${id}/history/diff`} />
          <fieldset>
            <legend>Compare two versions</legend>
            <p className="field-hint">Choose the older version in “From” and the newer one in “To”.</p>
            <TableScroll label="Versions">
              <table data-testid="revision-history">
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                    <th scope="col">Revision</th>
                    <th scope="col">Author</th>
                    <th scope="col">Frozen</th>
                    <th scope="col">Change summary</th>
                    <th scope="col">Words</th>
                    {state.canEdit && <th scope="col">Restore</th>}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td />
                    <td>
                      <input
                        type="radio"
                        form="compare-form"
                        name="to"
                        value="draft"
                        defaultChecked
                        aria-label="Compare to the working draft"
                      />
                    </td>
                    <td colSpan={state.canEdit ? 6 : 5}>
                      <em>Working draft</em> (version {state.draft.version}, not frozen)
                    </td>
                  </tr>
                  {revisions.map((r, i) => (
                    <tr key={r.id} data-testid="revision-row">
                      <td>
                        <input
                          type="radio"
                          form="compare-form"
                          name="from"
                          value={r.id}
                          defaultChecked={i === 0}
                          aria-label={`Compare from revision ${r.number}`}
                        />
                      </td>
                      <td>
                        <input
                          type="radio"
                          form="compare-form"
                          name="to"
                          value={r.id}
                          aria-label={`Compare to revision ${r.number}`}
                        />
                      </td>
                      <th scope="row">
                        {r.number}
                        {r.isLive && <span className="badge ok">Live</span>}
                        {r.isCurrent && <span className="badge">Current</span>}
                      </th>
                      <td>
                        {r.author.name}
                        {r.contributors.length > 1 && (
                          <span className="field-hint">
                            {" "}
                            with{" "}
                            {r.contributors
                              .filter((c) => c.id !== r.author.id)
                              .map((c) => c.name)
                              .join(", ")}
                          </span>
                        )}
                      </td>
                      <td>
                        <time dateTime={r.createdAt.toISOString()}>{fmt(r.createdAt)}</time>
                      </td>
                      <td>{r.changeSummary || <span className="empty">—</span>}</td>
                      <td>{r.wordCount.toLocaleString("en")}</td>
                      {state.canEdit && (
                        <td>
                          <RestoreButton articleId={id} revisionId={r.id} number={r.number} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <button type="submit" form="compare-form">
              Compare
            </button>
          </fieldset>
        </div>
      )}
      <p>
        <Link href={`/studio/articles/${id}/${state.canEdit ? "edit" : "preview"}`}>Back to the article</Link>
      </p>
    </>
  );
}
