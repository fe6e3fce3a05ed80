import type { Metadata } from "next";
import { SourceStatus } from "@/components/checks/source-status";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import { isAppError } from "@/lib/errors";
import { loadReviewScreen, type ReviewScreen } from "@/lib/review/review-screen";
import { describeBaseline } from "@/lib/review/review-baselines";
import type { ComparedVersions } from "@/lib/revisions/compare-versions";
import { requirePermission } from "@/app/_server/session";
import { ActionForm, Field, FieldErrors } from "@/components/studio/action-form";
import { DiffView } from "@/components/review/diff-view";
import { ImageDiffList } from "@/components/media/image-diff-list";
import { ArticleWorkspaceHeader } from "../workspace-header";
import { addCommentAction, approveAction, replyAction, requestChangesAction, resolveAction } from "./actions";
import { listSuggestions } from "@/lib/review/suggested-edits";
import { SuggestEditPanel } from "./suggest-edit-panel";
import { findApprovalConflict } from "@/lib/declarations/approval-conflicts";
import { ConflictsPanel, DeclareInterestForm, LayReviewsPanel, OwnConflictNotice } from "./declarations-panel";
import "../../_editor/editor.css";

export const metadata: Metadata = { title: "Review" };

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

type Thread = ReviewScreen["comments"][number];

/** "1 changed block", "2 changed blocks and 1 reference change", "no text changes". */
function changeCount({ diff }: ComparedVersions): string {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? "" : "s"}`;
  const blocks = diff.stats.added + diff.stats.removed + diff.stats.changed;
  const parts = [
    blocks && n(blocks, "changed block"),
    diff.fields.length && n(diff.fields.length, "changed field"),
    diff.stats.referencesChanged && n(diff.stats.referencesChanged, "reference change"),
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(", ") : "No text changes";
}

function Threads({ threads, articleId }: { threads: Thread[]; articleId: string }) {
  if (!threads.length) return null;
  return (
    <ul className="threads">
      {threads.map((t) => (
        <li
          key={t.id}
          id={`comment-${t.id}`}
          className={`thread${t.resolvedAt ? " resolved" : ""}`}
          data-testid="comment-thread"
        >
          <p className="comment-meta">
            <strong>{t.author.name}</strong> on revision {t.revision.number} ·{" "}
            <time dateTime={t.createdAt.toISOString()}>{fmt(t.createdAt)}</time>{" "}
            {t.resolvedAt ? <span className="badge ok">Resolved</span> : <span className="badge warn">Open</span>}
          </p>
          {t.quote && <blockquote className="comment-quote">{t.quote}</blockquote>}
          <p className="comment-body">{t.body}</p>
          {t.replies.map((r) => (
            <div key={r.id} className="reply">
              <p className="comment-meta">
                <strong>{r.author.name}</strong> · <time dateTime={r.createdAt.toISOString()}>{fmt(r.createdAt)}</time>
              </p>
              <p className="comment-body">{r.body}</p>
            </div>
          ))}
          {(t.may.reply || t.may.resolve) && (
            <div className="thread-actions">
              {t.may.reply && (
                <ActionForm
                  action={replyAction}
                  submitLabel="Reply"
                  pendingLabel="Sending…"
                  resetOnSuccess
                  buttonClass="secondary"
                  label={`Reply to ${t.author.name}`}
                >
                  <input type="hidden" name="commentId" value={t.id} />
                  <input type="hidden" name="articleId" value={articleId} />
                  <Field name="body" label="Your answer" textarea rows={2} />
                </ActionForm>
              )}
              {t.may.resolve && (
                <ActionForm
                  action={resolveAction}
                  submitLabel={t.resolvedAt ? "Reopen" : "Resolve"}
                  pendingLabel="…"
                  buttonClass="secondary"
                  label={t.resolvedAt ? "Reopen comment" : "Resolve comment"}
                >
                  <input type="hidden" name="commentId" value={t.id} />
                  <input type="hidden" name="resolved" value={t.resolvedAt ? "false" : "true"} />
                </ActionForm>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ compare?: string | string[] }>;
}) {
  const { id } = await params;
  const { compare } = await searchParams;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}/review`);
  let screen: ReviewScreen;
  try {
    screen = await loadReviewScreen(db, actor, id, { compareWith: typeof compare === "string" ? compare : undefined });
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  const { article, ctx, may, access, revision, comments } = screen;
  const isReviewer = can(actor, "review.decide");
  const canComment = access.comment && ctx.status === "IN_REVIEW" && !!revision;
  const currentThreads = revision ? comments.filter((c) => c.revisionId === revision.id) : [];
  const generalThreads = comments.filter((c) => c.blockIndex === null || (revision && c.revisionId !== revision.id));
  const suggestions = await listSuggestions(db, actor, article.id);
  // A declared conflict holds this reviewer's approval until an editor overrides it (enforced in approveRevision).
  const ownConflict = isReviewer && revision ? await findApprovalConflict(db, article.id, revision.id, actor.id) : null;
  const conflictHeld = !!ownConflict && !ownConflict.override;
  const decisionRefusal = !may.approve.ok && may.approve.code === "FORBIDDEN" ? may.approve.reason : null;

  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={article.id} current="review" />

      {!revision ? (
        <p className="empty">Nothing has been submitted for review yet.</p>
      ) : (
        <div className="review-layout">
          <section aria-labelledby="revision-heading" className="panel review-main">
            <h2 id="revision-heading">
              Revision {revision.number} <span className="field-hint">(frozen)</span>
            </h2>
            <dl className="meta">
              <dt>Submitted</dt>
              <dd>
                <time dateTime={revision.createdAt.toISOString()}>{fmt(revision.createdAt)}</time> by{" "}
                {revision.authorName}
              </dd>
              <dt>Written or edited by</dt>
              <dd>{revision.contributorNames.join(", ")}</dd>
              <dt>Change summary</dt>
              <dd>{revision.changeSummary || "—"}</dd>
              {screen.baselines.selected && screen.compared && (
                <>
                  <dt>Changes</dt>
                  <dd>
                    <a href="#diff-heading">
                      {changeCount(screen.compared)} since revision {screen.baselines.selected.number}
                    </a>
                  </dd>
                </>
              )}
              <dt>Content hash</dt>
              <dd>
                <code data-testid="content-hash">{revision.contentHash}</code>
              </dd>
            </dl>
            <h3 className="rev-title">{revision.title}</h3>
            {revision.summary && <p className="rev-summary">{revision.summary}</p>}
            <div className="review-blocks">
              {revision.blocks.map((b) => {
                const threads = currentThreads.filter((c) => c.blockIndex === b.index);
                return (
                  <div
                    key={b.index}
                    id={`block-${b.index}`}
                    className={`review-block${threads.length ? " has-comments" : ""}`}
                    data-testid="review-block"
                  >
                    <div className="block-content article-body" dangerouslySetInnerHTML={{ __html: b.html }} />
                    <Threads threads={threads} articleId={article.id} />
                    {canComment && b.commentOn && (
                      <details className="add-comment">
                        <summary>Comment on this {b.commentOn}</summary>
                        <ActionForm
                          action={addCommentAction}
                          submitLabel="Add comment"
                          pendingLabel="Adding…"
                          resetOnSuccess
                          label={`Comment on ${b.commentOn} ${b.index + 1}`}
                        >
                          <input type="hidden" name="articleId" value={article.id} />
                          <input type="hidden" name="revisionId" value={revision.id} />
                          <input type="hidden" name="blockIndex" value={b.index} />
                          <input type="hidden" name="quote" value={b.text.slice(0, 120)} />
                          <Field name="body" label="Comment" textarea rows={3} />
                        </ActionForm>
                      </details>
                    )}
                  </div>
                );
              })}
            </div>
            {revision.referencesHtml && (
              <>
                <h3>References</h3>
                <div className="article-body" dangerouslySetInnerHTML={{ __html: revision.referencesHtml }} />
              </>
            )}
          </section>

          <aside className="review-side" aria-label="Review tools">
            <SuggestEditPanel
              articleId={article.id}
              revisionId={revision.id}
              canSuggest={canComment}
              suggestions={suggestions}
            />
            {isReviewer && (
              <section
                className="panel"
                aria-labelledby="decision-heading"
                data-testid="decision-panel"
                id="decision-panel"
              >
                <h2 id="decision-heading">Your decision</h2>
                <p>
                  Your credential: <strong>{screen.standing.text}</strong>
                  {screen.standing.code !== "VALID" && (
                    <>
                      {" "}
                      (<Link href="/studio/credential">manage your credential</Link>)
                    </>
                  )}
                </p>
                <OwnConflictNotice conflict={ownConflict} />
                {decisionRefusal && (
                  <p className="notice warn" data-testid="decision-refused">
                    {decisionRefusal}
                  </p>
                )}
                {!may.approve.ok && !decisionRefusal && <p className="empty">{may.approve.reason}</p>}
                {may.requestChanges.ok && (
                  <ActionForm
                    action={requestChangesAction}
                    submitLabel="Request changes"
                    pendingLabel="Sending…"
                    buttonClass="secondary"
                    label="Request changes"
                  >
                    <input type="hidden" name="articleId" value={article.id} />
                    <input type="hidden" name="revisionId" value={revision.id} />
                    <input type="hidden" name="contentHash" value={revision.contentHash} />
                    <Field
                      name="summary"
                      label="What needs to change"
                      textarea
                      rows={3}
                      hint="To remark on a passage, point at it (or Tab to it) and choose “Comment on this paragraph”."
                    />
                  </ActionForm>
                )}
                {may.approve.ok && !conflictHeld && (
                  <ActionForm
                    action={approveAction}
                    submitLabel="Approve revision"
                    pendingLabel="Approving…"
                    label="Approve"
                  >
                    <input type="hidden" name="articleId" value={article.id} />
                    <input type="hidden" name="revisionId" value={revision.id} />
                    <input type="hidden" name="contentHash" value={revision.contentHash} />
                    <label className="checkbox statement">
                      <input type="checkbox" name="attest" /> {revision.statement}
                    </label>
                    <FieldErrors name="attest" />
                    {screen.reReview ? (
                      <>
                        <label className="checkbox statement">
                          <input type="checkbox" name="evidenceChecked" /> I checked the evidence again: each
                          source&rsquo;s age, newer versions, corrections and retractions (see &ldquo;Sources by
                          age&rdquo;). Required at re-review.
                        </label>
                        <FieldErrors name="evidenceChecked" />
                      </>
                    ) : null}
                    <Field name="note" label="Note (optional)" textarea rows={2} />
                  </ActionForm>
                )}
                {can(actor, "declarations.own") && <DeclareInterestForm articleId={article.id} />}
              </section>
            )}

            {screen.sources.byAge.length > 0 && (
              <section className="panel" aria-labelledby="sources-age-heading">
                <h2 id="sources-age-heading">Sources by age</h2>
                <p>
                  Oldest first. Sources older than {screen.sources.maxAgeYears} years are flagged
                  {screen.reReview ? ": this is a re-review, so check whether newer evidence replaces them." : "."}
                </p>
                <ul className="sources-by-age" data-testid="sources-by-age">
                  {screen.sources.byAge.map((src) => (
                    <li key={src.key}>
                      {src.year ?? "Year unknown"} · {src.title}
                      {src.tooOld ? (
                        <span className="badge warn"> Older than {screen.sources.maxAgeYears} years</span>
                      ) : null}
                      {src.year === null ? <span className="badge warn"> Add its year</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <ConflictsPanel actor={actor} articleId={article.id} />
            <LayReviewsPanel actor={actor} articleId={article.id} revision={revision} />

            <section className="panel" aria-labelledby="checks-heading">
              <h2 id="checks-heading">Content checks</h2>
              {!screen.checkRun ? (
                <p className="empty">No content check has run on this revision.</p>
              ) : (
                <>
                  <p>
                    <span className={`badge ${screen.checkRun.blocking ? "bad" : "ok"}`}>
                      {screen.checkRun.blocking} blocking
                    </span>{" "}
                    <span className="badge">{screen.checkRun.advisory} advisory</span>
                  </p>
                  {screen.checkRun.findings.length > 0 && (
                    <ul className="findings">
                      {screen.checkRun.findings.slice(0, 30).map((f, i) => (
                        <li key={i}>
                          <span className={`badge ${f.severity === "blocking" ? "bad" : "warn"}`}>{f.severity}</span>{" "}
                          {f.message}
                          {f.location.blockIndex !== undefined && (
                            <>
                              {" "}
                              (<a href={`#block-${f.location.blockIndex}`}>paragraph {f.location.blockIndex + 1}</a>)
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </section>

            <section className="panel" aria-labelledby="plagiarism-heading">
              <h2 id="plagiarism-heading">Plagiarism</h2>
              {!screen.plagiarism ? (
                <p className="empty">No plagiarism report for this revision yet.</p>
              ) : (
                <>
                  <p>
                    Similarity <strong>{screen.plagiarism.similarity.toFixed(1)}%</strong> (threshold{" "}
                    {screen.plagiarism.threshold}%){" "}
                    <span
                      className={`badge ${screen.plagiarism.similarity >= screen.plagiarism.threshold ? "bad" : "ok"}`}
                    >
                      {screen.plagiarism.similarity >= screen.plagiarism.threshold
                        ? "Over threshold"
                        : "Under threshold"}
                    </span>
                  </p>
                  {screen.plagiarism.matches.length > 0 && (
                    <ul>
                      {screen.plagiarism.matches.slice(0, 10).map((m, i) => (
                        <li key={i}>
                          {m.source.url ? (
                            <a href={m.source.url} rel="nofollow noopener">
                              {m.source.title}
                            </a>
                          ) : (
                            m.source.title
                          )}
                          : {m.percent.toFixed(1)}%
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </section>

            {revision ? (
              <div className="panel">
                <SourceStatus revisionId={revision.id} />
              </div>
            ) : null}

            <section className="panel" aria-labelledby="general-heading">
              <h2 id="general-heading">General comments and earlier revisions</h2>
              {generalThreads.length ? (
                <Threads threads={generalThreads} articleId={article.id} />
              ) : (
                <p className="empty">None.</p>
              )}
            </section>

            <section className="panel" aria-labelledby="decisions-heading">
              <h2 id="decisions-heading">Decisions</h2>
              {screen.decisions.length === 0 ? (
                <p className="empty">No decisions yet.</p>
              ) : (
                <ul className="decisions">
                  {screen.decisions.map((d) => (
                    <li key={d.id}>
                      <span className={`badge ${d.voidedAt ? "bad" : d.decision === "APPROVED" ? "ok" : "warn"}`}>
                        {d.voidedAt ? "Approval voided" : d.decision === "APPROVED" ? "Approved" : "Changes requested"}
                      </span>{" "}
                      revision {d.revisionNumber} by{" "}
                      {d.snapshot ? `${d.snapshot.displayName}, ${d.snapshot.postNominals}` : d.reviewerName} ·{" "}
                      <time dateTime={d.createdAt.toISOString()}>{fmt(d.createdAt)}</time>
                      {d.voidReason && <p className="field-hint">{d.voidReason}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </aside>
        </div>
      )}

      {revision && (
        <section className="panel" aria-labelledby="diff-heading">
          <h2 id="diff-heading" data-testid="diff-heading">
            {screen.baselines.selected ? `Changes since ${describeBaseline(screen.baselines.selected)}` : "Changes"}
          </h2>
          {screen.baselines.options.some((o) => o.id !== screen.baselines.selected?.id) && (
            <nav aria-label="Compare with" className="compare-with">
              Compare with:{" "}
              {screen.baselines.options.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && " · "}
                  <Link
                    href={`/studio/articles/${article.id}/review?compare=${o.id}#diff-heading`}
                    aria-current={o.id === screen.baselines.selected?.id ? "true" : undefined}
                  >
                    {describeBaseline(o)}
                  </Link>
                </span>
              ))}
            </nav>
          )}
          {screen.compared ? (
            <>
              <DiffView compared={screen.compared} />
              <h3>Images</h3>
              <ImageDiffList changes={screen.imageChanges} />
            </>
          ) : (
            <p className="empty">This is the first revision: there is nothing earlier to compare with.</p>
          )}
        </section>
      )}
    </>
  );
}
