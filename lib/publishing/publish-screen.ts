// What the publish screen shows an editor: the gate item by item for the current revision, which of
// publish / schedule / unpublish / archive / restore are possible now (and why not), what publishing would put
// live (title, revision, reviewer, what changed since the live revision: the confirmation lists it), the
// schedule, and the publication history.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { checkTransition } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { getPublicTrail } from "./public-trail";
import { parseDocument } from "../content/document-schema";
import { parseReferencesJson } from "../content/reference-snapshot";
import { diffVersions } from "../revisions/diff-revisions";

const diffable = (r: {
  title: string;
  summary: string;
  conditionName: string;
  bodyJson: string;
  referencesJson: string;
}) => ({
  title: r.title,
  summary: r.summary,
  conditionName: r.conditionName,
  body: parseDocument(r.bodyJson),
  references: parseReferencesJson(r.referencesJson),
});
/** How much differs: blocks added, removed or changed; title/summary/condition fields; references. */
function changeCounts(before: ReturnType<typeof diffable>, after: ReturnType<typeof diffable>) {
  const d = diffVersions(before, after);
  return {
    blocks: d.stats.added + d.stats.removed + d.stats.changed,
    fields: d.fields.length,
    references: d.stats.referencesChanged,
  };
}
const DIFFABLE = { title: true, summary: true, conditionName: true, bodyJson: true, referencesJson: true } as const;

export async function loadPublishScreen(db: DbTx, actor: Actor, articleId: string) {
  const { ctx, article, gate } = await loadTransitionContext(db, articleId, actor, { gate: true });
  const [details, revision, trail] = await Promise.all([
    db.article.findUniqueOrThrow({
      where: { id: articleId },
      select: {
        scheduledPublishAt: true,
        scheduledById: true,
        reviewDueAt: true,
        firstPublishedAt: true,
        lastPublishedAt: true,
      },
    }),
    article.currentRevisionId
      ? db.revision.findUnique({
          where: { id: article.currentRevisionId },
          select: {
            id: true,
            number: true,
            changeSummary: true,
            changeSummaryPublic: true,
            createdAt: true,
            ...DIFFABLE,
          },
        })
      : null,
    getPublicTrail(db, articleId),
  ]);
  const [scheduler, live] = await Promise.all([
    details.scheduledById ? db.user.findUnique({ where: { id: details.scheduledById }, select: { name: true } }) : null,
    article.liveRevisionId && revision && article.liveRevisionId !== revision.id
      ? db.revision.findUnique({
          where: { id: article.liveRevisionId },
          select: { id: true, number: true, ...DIFFABLE },
        })
      : null,
  ]);
  const approver = gate?.approval?.snapshot;
  const goesLive = revision
    ? {
        title: revision.title,
        revisionNumber: revision.number,
        // What readers will see in the update history: the writer's note only when they made it public.
        changeSummary: revision.changeSummaryPublic ? revision.changeSummary : "",
        reviewer: approver
          ? `${approver.displayName}, ${approver.postNominals}`
          : (gate?.approval?.reviewerName ?? null),
        /** Null on a first publication or when the current revision is the live one. */
        sinceLive: live
          ? { id: live.id, number: live.number, ...changeCounts(diffable(live), diffable(revision)) }
          : null,
      }
    : null;
  return {
    article,
    ctx,
    gate,
    revision: revision
      ? {
          id: revision.id,
          number: revision.number,
          changeSummary: revision.changeSummary,
          createdAt: revision.createdAt,
        }
      : null,
    goesLive,
    may: {
      publish: checkTransition("publish", actor, ctx),
      schedule: checkTransition("schedule", actor, ctx),
      unpublish: checkTransition("unpublish", actor, ctx),
      archive: checkTransition("archive", actor, ctx),
      restore: checkTransition("restore", actor, ctx),
    },
    schedule: details.scheduledPublishAt
      ? { at: details.scheduledPublishAt, byName: scheduler?.name ?? "an editor" }
      : null,
    dates: {
      reviewDueAt: details.reviewDueAt,
      firstPublishedAt: details.firstPublishedAt,
      lastPublishedAt: details.lastPublishedAt,
    },
    trail,
  };
}
