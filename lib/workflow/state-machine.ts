// The article workflow in one declarative table: for each transition, the states it starts from, the state
// it leads to, the permission(s) that allow it (lib/auth/policy.ts) and the preconditions that must hold.
// Pure: callers load a TransitionContext (lib/workflow/load-transition-context.ts) and ask `checkTransition`;
// the functions that perform a transition (submit, decide, publish …) call `assertTransition` inside their
// transaction, so the rule is enforced on the server whatever the UI shows.
//
// Status describes the current editorial cycle; whether readers see the article is Article.liveRevisionId.
// So a live article can be DRAFT / IN_REVIEW / CHANGES_REQUESTED / APPROVED while its next revision goes
// through review, and only PUBLISHED means "the current revision is the live one".
import { AppError } from "../errors";
import { permissionsOf, type Actor, type Permission } from "../auth/policy";
import { mayEditWith } from "../articles/article-access";

export const ARTICLE_STATUSES = [
  "DRAFT",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "PUBLISHED",
  "UNPUBLISHED",
  "ARCHIVED",
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
  ARCHIVED: "Archived",
};

export function isArticleStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value);
}

/** The label of a stored status (the raw value for anything unknown, so a bad row is visible, not hidden). */
export function statusLabel(status: string): string {
  return isArticleStatus(status) ? STATUS_LABELS[status] : status;
}

/** Why a reviewer's credential can or cannot sign off (lib/credentials/credential-standing.ts computes it). */
export type CredentialStanding = "VALID" | "NONE" | "PENDING" | "REJECTED" | "EXPIRED";

/** Everything the preconditions look at, loaded once per request. */
export interface TransitionContext {
  status: ArticleStatus;
  /** Article.liveRevisionId != null. */
  isLive: boolean;
  /** The actor is one of the article's authors (ArticleAuthor). */
  actorIsAuthor: boolean;
  /** The article has a frozen revision in this cycle (Article.currentRevisionId != null). */
  hasCurrentRevision: boolean;
  /** The actor is an author of the article or wrote or edited any of its revisions, in any cycle
   *  (lib/workflow/article-contributors.ts, articleContributorIds): separation of duties. */
  actorContributedToCurrent: boolean;
  /** The working copy differs from the current frozen revision (or there is none yet). */
  workingCopyChanged: boolean;
  /** Blocking content-check findings in the working copy (lib/checks/run-checks.ts, runBlockingChecks). */
  workingCopyBlocking: number;
  /** The actor's best credential at this moment. */
  actorCredential: CredentialStanding;
  /** The publish gate passes for the current revision (every item passed or overridden). */
  gatePasses: boolean;
  /** The current revision is already live (publishing it again would be a no-op). */
  currentIsLive: boolean;
  /** A verified, unexpired credential of the actor names the article's language (absent: not checked). */
  actorReviewsLanguage?: boolean;
  /** The article's language in words ("Spanish"), for the refusal. */
  articleLanguage?: string;
}

export type TransitionName =
  "submit" | "withdraw" | "requestChanges" | "approve" | "publish" | "schedule" | "unpublish" | "archive" | "restore";

interface Precondition {
  key: string;
  holds(ctx: TransitionContext, perms: ReadonlySet<Permission>): boolean;
  /** Shown to the person when it fails: says what to do. */
  message: string | ((ctx: TransitionContext) => string);
}

function preconditionMessage(pre: Precondition, ctx: TransitionContext): string {
  return typeof pre.message === "function" ? pre.message(ctx) : pre.message;
}

const P = {
  mayEditArticle: {
    key: "may-edit-article",
    holds: (c, perms) => mayEditWith(perms, c.actorIsAuthor),
    message: "Only the article's writers or an editor can do this.",
  },
  hasChanges: {
    key: "has-changes",
    holds: (c) => c.workingCopyChanged,
    message: "Nothing has changed since the last submitted revision.",
  },
  noBlockingFindings: {
    key: "no-blocking-findings",
    holds: (c) => c.workingCopyBlocking === 0,
    message: "The draft has problems that block review (see Content checks beside the text): fix them, then submit.",
  },
  hasRevision: {
    key: "has-revision",
    holds: (c) => c.hasCurrentRevision,
    message: "Nothing has been submitted for review yet.",
  },
  credentialValid: {
    key: "credential-valid",
    holds: (c) => c.actorCredential === "VALID",
    message: "You need a verified, unexpired credential to sign off. Add or renew it on your credential page.",
  },
  reviewsLanguage: {
    key: "reviews-language",
    holds: (c) => c.actorReviewsLanguage !== false,
    message: (c) =>
      `This article is in ${c.articleLanguage ?? "another language"}, and your verified credential does not list ${c.articleLanguage ?? "it"} among the languages you review in. Add the language on your credential page; an admin verifies it before you can approve.`,
  },
  notContributor: {
    key: "not-contributor",
    holds: (c) => !c.actorContributedToCurrent,
    message: "You wrote or edited this article (in this or an earlier review cycle), so someone else must review it.",
  },
  gatePasses: {
    key: "gate-passes",
    holds: (c) => c.gatePasses,
    message: "The publish gate has failed items. Fix them or override them with a written reason.",
  },
  notAlreadyLive: {
    key: "not-already-live",
    holds: (c) => !c.currentIsLive,
    message: "This revision is already live: readers see it now.",
  },
  isLive: {
    key: "is-live",
    holds: (c) => c.isLive,
    message: "This article is not live: readers do not see it.",
  },
} satisfies Record<string, Precondition>;

export interface TransitionRule {
  name: TransitionName;
  label: string;
  from: readonly ArticleStatus[];
  /** The state after the transition; "unchanged" keeps the current one (e.g. taking down the live version of
   *  an article whose next revision is in review leaves that review where it is). */
  to: (from: ArticleStatus) => ArticleStatus;
  /** Any one of these permissions allows it (then the preconditions must hold too). */
  anyOf: readonly Permission[];
  preconditions: readonly Precondition[];
  /** Audit action written by the function that performs it. */
  auditAction: string;
}

const same = (from: ArticleStatus) => from;
const always = (to: ArticleStatus) => () => to;

export const TRANSITIONS: Readonly<Record<TransitionName, TransitionRule>> = {
  // Freezes the working copy into a revision and asks for medical review. From PUBLISHED / UNPUBLISHED it
  // starts the next cycle (the live revision stays live meanwhile), which needs actual changes.
  submit: {
    name: "submit",
    label: "Submit for review",
    from: ["DRAFT", "CHANGES_REQUESTED", "PUBLISHED", "UNPUBLISHED"],
    to: always("IN_REVIEW"),
    anyOf: ["article.submit"],
    // Blocking findings would fail the publish gate anyway: a reviewer is not asked to sign off text that must
    // change again before it can go live.
    preconditions: [P.mayEditArticle, P.hasChanges, P.noBlockingFindings],
    auditAction: "article.submitted",
  },
  // The writer takes a submission back before a decision (e.g. to keep editing).
  withdraw: {
    name: "withdraw",
    label: "Withdraw from review",
    from: ["IN_REVIEW"],
    to: always("DRAFT"),
    anyOf: ["article.submit"],
    preconditions: [P.mayEditArticle],
    auditAction: "article.withdrawn",
  },
  requestChanges: {
    name: "requestChanges",
    label: "Request changes",
    from: ["IN_REVIEW"],
    to: always("CHANGES_REQUESTED"),
    anyOf: ["review.decide"],
    preconditions: [P.hasRevision, P.credentialValid, P.reviewsLanguage, P.notContributor],
    auditAction: "review.changes_requested",
  },
  approve: {
    name: "approve",
    label: "Approve",
    from: ["IN_REVIEW"],
    to: always("APPROVED"),
    anyOf: ["review.decide"],
    preconditions: [P.hasRevision, P.credentialValid, P.reviewsLanguage, P.notContributor],
    auditAction: "review.approved",
  },
  // From UNPUBLISHED: put the same approved revision back (the gate re-checks the approval and everything else).
  publish: {
    name: "publish",
    label: "Publish now",
    from: ["APPROVED", "UNPUBLISHED"],
    to: always("PUBLISHED"),
    anyOf: ["article.publish"],
    preconditions: [P.hasRevision, P.notAlreadyLive, P.gatePasses],
    auditAction: "article.published",
  },
  // Sets (or changes, or clears) Article.scheduledPublishAt; the state is unchanged until it fires, when
  // `publish` runs with all its preconditions again.
  schedule: {
    name: "schedule",
    label: "Schedule publication",
    from: ["APPROVED", "UNPUBLISHED"],
    to: same,
    anyOf: ["article.publish"],
    preconditions: [P.hasRevision, P.notAlreadyLive, P.gatePasses],
    auditAction: "article.publish_scheduled",
  },
  unpublish: {
    name: "unpublish",
    label: "Unpublish",
    from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED"],
    to: (from) => (from === "PUBLISHED" ? "UNPUBLISHED" : from),
    anyOf: ["article.unpublish"],
    preconditions: [P.isLive],
    auditAction: "article.unpublished",
  },
  // Any → Archived. Archiving a live article takes it down too (the function that archives does both).
  archive: {
    name: "archive",
    label: "Archive",
    from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "UNPUBLISHED"],
    to: always("ARCHIVED"),
    anyOf: ["article.archive"],
    preconditions: [],
    auditAction: "article.archived",
  },
  restore: {
    name: "restore",
    label: "Restore to draft",
    from: ["ARCHIVED"],
    to: always("DRAFT"),
    anyOf: ["article.archive"],
    preconditions: [],
    auditAction: "article.restored",
  },
};

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

export type TransitionCheck =
  | { ok: true; to: ArticleStatus }
  | { ok: false; code: "FORBIDDEN" | "INVALID_TRANSITION"; reason: string; failed?: string };

/**
 * Whether `actor` may perform `name` now. Order of checks: state first (a transition that does not exist
 * from here is INVALID_TRANSITION whoever asks), then permission (FORBIDDEN), then preconditions (FORBIDDEN
 * for the separation-of-duties / credential / authorship ones, INVALID_TRANSITION for the state-of-the-work ones).
 */
export function checkTransition(
  name: TransitionName,
  actor: Pick<Actor, "status" | "roles"> | null,
  ctx: TransitionContext,
): TransitionCheck {
  const rule = TRANSITIONS[name];
  if (!rule.from.includes(ctx.status)) {
    return { ok: false, code: "INVALID_TRANSITION", reason: refusalInState(name, ctx.status) };
  }
  const perms = permissionsOf(actor);
  if (!rule.anyOf.some((p) => perms.has(p))) {
    return { ok: false, code: "FORBIDDEN", reason: `Your role does not allow you to ${rule.label.toLowerCase()}.` };
  }
  for (const pre of rule.preconditions) {
    if (!pre.holds(ctx, perms)) {
      const code = PERSONAL_PRECONDITIONS.has(pre.key) ? "FORBIDDEN" : "INVALID_TRANSITION";
      return { ok: false, code, reason: preconditionMessage(pre, ctx), failed: pre.key };
    }
  }
  return { ok: true, to: rule.to(ctx.status) };
}

// Preconditions about who the actor is (rather than the state of the work): failing them is a refusal.
const PERSONAL_PRECONDITIONS = new Set([
  P.mayEditArticle.key,
  P.credentialValid.key,
  P.reviewsLanguage.key,
  P.notContributor.key,
]);

/** The state in plain words, said to someone whose action the state no longer (or not yet) allows. */
const STATE_SENTENCES: Record<ArticleStatus, string> = {
  DRAFT: "This article is a draft: it has not been submitted for review.",
  IN_REVIEW: "This article is in review: a medical reviewer has not decided yet.",
  CHANGES_REQUESTED: "Changes have been requested on this article: it is back with its writer.",
  APPROVED: "This article is approved and waiting to be published.",
  PUBLISHED: "This article is published: its current revision is live.",
  UNPUBLISHED: "This article is unpublished: readers no longer see it.",
  ARCHIVED: "This article is archived.",
};

/** The same when the state is what the action would have led to, or a decision someone has already taken
 *  (typically a second click, or two people deciding at once). */
const ALREADY_SENTENCES: Record<ArticleStatus, string> = {
  DRAFT: "This article is already a draft.",
  IN_REVIEW: "This article is already in review.",
  CHANGES_REQUESTED: "Changes have already been requested on this article: it is back with its writer.",
  APPROVED: "This article is already approved.",
  PUBLISHED: "This article is already published.",
  UNPUBLISHED: "This article is already unpublished.",
  ARCHIVED: "This article is already archived.",
};

const ALREADY_DONE: Record<TransitionName, readonly ArticleStatus[]> = {
  submit: ["IN_REVIEW"],
  withdraw: ["DRAFT"],
  requestChanges: ["CHANGES_REQUESTED", "APPROVED", "PUBLISHED"],
  approve: ["APPROVED", "CHANGES_REQUESTED", "PUBLISHED"],
  publish: ["PUBLISHED"],
  schedule: ["PUBLISHED"],
  unpublish: ["UNPUBLISHED"],
  archive: ["ARCHIVED"],
  restore: [],
};

/** What would make the action possible, for states on the way to it. */
const NEXT_STEPS: Partial<Record<TransitionName, Partial<Record<ArticleStatus, string>>>> = {
  publish: {
    DRAFT: "It can be published once a medical reviewer approves it.",
    IN_REVIEW: "It can be published once a medical reviewer approves it.",
    CHANGES_REQUESTED: "It can be published once it is resubmitted and approved.",
  },
  schedule: {
    DRAFT: "It can be scheduled once a medical reviewer approves it.",
    IN_REVIEW: "It can be scheduled once a medical reviewer approves it.",
    CHANGES_REQUESTED: "It can be scheduled once it is resubmitted and approved.",
  },
  approve: { DRAFT: "It can be reviewed once its writer submits it." },
  requestChanges: { DRAFT: "It can be reviewed once its writer submits it." },
  restore: { DRAFT: "Only an archived article can be restored." },
};

/**
 * Why `name` is refused in `status`, as the state in plain words ("This article is already approved."), never
 * as the rule that was broken: the person usually clicked after someone (or their own first click) moved it on.
 */
export function refusalInState(name: TransitionName, status: ArticleStatus): string {
  const sentence = ALREADY_DONE[name].includes(status) ? ALREADY_SENTENCES[status] : STATE_SENTENCES[status];
  const next = NEXT_STEPS[name]?.[status];
  return next ? `${sentence} ${next}` : sentence;
}

/**
 * Every precondition of `name` that fails now, in order, when the state allows the transition and the actor's
 * role grants it (else null: the transition is not this person's to take from here). For screens that list
 * all that is missing at once instead of the first refusal (the article workspace's header).
 */
export function failedPreconditions(
  name: TransitionName,
  actor: Pick<Actor, "status" | "roles"> | null,
  ctx: TransitionContext,
): Array<{ key: string; message: string; personal: boolean }> | null {
  const rule = TRANSITIONS[name];
  const perms = permissionsOf(actor);
  if (!rule.from.includes(ctx.status) || !rule.anyOf.some((p) => perms.has(p))) return null;
  return rule.preconditions
    .filter((pre) => !pre.holds(ctx, perms))
    .map((pre) => ({
      key: pre.key,
      message: preconditionMessage(pre, ctx),
      personal: PERSONAL_PRECONDITIONS.has(pre.key),
    }));
}

/** Throws the coded AppError when the transition is not allowed; returns the next state otherwise. */
export function assertTransition(
  name: TransitionName,
  actor: Pick<Actor, "status" | "roles"> | null,
  ctx: TransitionContext,
): ArticleStatus {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const check = checkTransition(name, actor, ctx);
  if (!check.ok)
    throw new AppError(check.code, check.reason, {
      details: check.failed ? { precondition: check.failed } : undefined,
    });
  return check.to;
}

/** The transitions the actor may perform now (for buttons), with the reason for those shown but refused. */
export function availableTransitions(
  actor: Pick<Actor, "status" | "roles"> | null,
  ctx: TransitionContext,
): TransitionName[] {
  return TRANSITION_NAMES.filter((n) => checkTransition(n, actor, ctx).ok);
}

/** Parses a stored status; unknown text is a data error, never silently a state. */
export function toArticleStatus(value: string): ArticleStatus {
  if (!isArticleStatus(value)) throw new AppError("CONFLICT", `Unknown article status "${value}".`);
  return value;
}
