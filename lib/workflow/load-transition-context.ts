// Loads what the state machine's preconditions need for one article and one actor. Takes a DbTx so the
// functions that perform a transition check it inside their own transaction.
import { parseAlternativeNames } from "../content/alternative-names";
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { contentHash } from "../content/hash";
import { parseDocument } from "../content/document-schema";
import { toReferenceSnapshot } from "../content/reference-snapshot";
import { snapshotImages } from "../media/snapshot-images";
import { bestCredential, credentialStanding } from "../credentials/credential-standing";
import { localeName, parseLanguages } from "../translations/locales";
import { loadGate } from "../gate/load-gate";
import type { GateResult } from "../gate/evaluate-gate";
import { articleContributorIds, wasSubmitted } from "./article-contributors";
import { toArticleStatus, type TransitionContext } from "./state-machine";
import { runBlockingChecks } from "../checks/run-checks";
import type { Finding } from "../checks/types";

/** The working copy's content hash as freezeRevision would compute it; null if the body is unreadable. */
export async function workingCopyHash(db: DbTx, articleId: string): Promise<string | null> {
  return (await readWorkingCopy(db, articleId)).hash;
}

/**
 * The working copy's hash and its blocking content-check findings (one read of the draft and its references).
 * An unreadable body has no hash and no findings: submitting it reports exactly what is wrong with it.
 */
export async function readWorkingCopy(
  db: DbTx,
  articleId: string,
): Promise<{ hash: string | null; blocking: Finding[] }> {
  const draft = await db.workingDraft.findUnique({ where: { articleId } });
  if (!draft) return { hash: null, blocking: [] };
  const refs = await db.reference.findMany({
    where: { articleId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  let blocking: Finding[] = [];
  try {
    blocking = runBlockingChecks({
      title: draft.title,
      summary: draft.summary,
      conditionName: draft.conditionName,
      body: draft.bodyJson,
      references: refs,
    });
  } catch {
    blocking = [];
  }
  try {
    const body = parseDocument(draft.bodyJson);
    const hash = contentHash({
      title: draft.title,
      summary: draft.summary,
      conditionName: draft.conditionName,
      alternativeNames: parseAlternativeNames(draft.alternativeNames),
      body,
      references: refs.map(toReferenceSnapshot),
      images: await snapshotImages(db, body, { requireReady: false }),
    });
    return { hash, blocking };
  } catch {
    return { hash: null, blocking };
  }
}

export interface LoadedContext {
  ctx: TransitionContext;
  article: {
    id: string;
    slug: string;
    status: string;
    currentRevisionId: string | null;
    liveRevisionId: string | null;
    title: string;
    clinicalAreaId: string | null;
    /** Independent approvals of one revision needed before it counts as approved (high-risk content: 2). */
    requiredApprovals: number;
  };
  gate: GateResult | null;
  /** The working copy's blocking content-check findings (what ctx.workingCopyBlocking counts). */
  blocking: Finding[];
}

export async function loadTransitionContext(
  db: DbTx,
  articleId: string,
  actor: Actor,
  opts: { gate?: boolean } = {},
): Promise<LoadedContext> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      status: true,
      currentRevisionId: true,
      liveRevisionId: true,
      clinicalAreaId: true,
      requiredApprovals: true,
      locale: true,
      draft: { select: { title: true } },
      currentRevision: { select: { contentHash: true, title: true } },
      authors: { select: { userId: true } },
    },
  });
  if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
  const [{ hash, blocking }, creds, gate, contributors, submitted] = await Promise.all([
    readWorkingCopy(db, articleId),
    actor ? db.credential.findMany({ where: { userId: actor.id } }) : Promise.resolve([]),
    opts.gate ? loadGate(db, articleId) : Promise.resolve(null),
    articleContributorIds(db, articleId),
    article.currentRevisionId ? wasSubmitted(db, articleId, article.currentRevisionId) : Promise.resolve(false),
  ]);
  const ctx: TransitionContext = {
    status: toArticleStatus(article.status),
    isLive: article.liveRevisionId !== null,
    actorIsAuthor: !!actor && article.authors.some((a) => a.userId === actor.id),
    hasCurrentRevision: article.currentRevisionId !== null,
    actorContributedToCurrent: !!actor && contributors.includes(actor.id),
    // An unreadable body counts as changed: submitting it will then report exactly what is wrong. A current
    // revision that is only the editor's checkpoint (never submitted) leaves the text still to be submitted.
    workingCopyChanged:
      !article.currentRevision || hash === null || hash !== article.currentRevision.contentHash || !submitted,
    workingCopyBlocking: blocking.length,
    actorCredential: bestCredential(creds).standing,
    actorReviewsLanguage: creds.some(
      (c) => credentialStanding(c) === "VALID" && parseLanguages(c.languages).includes(article.locale),
    ),
    articleLanguage: localeName(article.locale),
    gatePasses: gate?.passes ?? false,
    currentIsLive: article.currentRevisionId !== null && article.currentRevisionId === article.liveRevisionId,
  };
  return {
    ctx,
    gate,
    blocking,
    article: {
      id: article.id,
      slug: article.slug,
      status: article.status,
      currentRevisionId: article.currentRevisionId,
      liveRevisionId: article.liveRevisionId,
      title: article.draft?.title ?? article.currentRevision?.title ?? "Untitled",
      clinicalAreaId: article.clinicalAreaId,
      requiredApprovals: article.requiredApprovals,
    },
  };
}
