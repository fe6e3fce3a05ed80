// The article workspace's header, decided: who holds the article now (writer, reviewer or editor) and the one
// next step for the person looking at it, with what it still needs in words. Pure: every rule comes from the
// state machine (failedPreconditions), the blocking content checks of the working copy and the publish gate;
// nothing here decides anew what a person may do, it only says it. lib/workspace/load-workspace.ts reads.
import type { Actor } from "../auth/policy";
import type { Finding } from "../checks/types";
import type { GateItemKey, GateResult } from "../gate/evaluate-gate";
import {
  STATUS_LABELS,
  checkTransition,
  failedPreconditions,
  type ArticleStatus,
  type TransitionContext,
} from "../workflow/state-machine";

export type Holder = "writer" | "reviewer" | "editor";

export const HOLDER_LABELS: Record<Holder, string> = { writer: "Writer", reviewer: "Reviewer", editor: "Editor" };

/** Who is expected to act next, by state. */
export const HOLDER_BY_STATUS: Record<ArticleStatus, Holder> = {
  DRAFT: "writer",
  IN_REVIEW: "reviewer",
  CHANGES_REQUESTED: "writer",
  APPROVED: "editor",
  // Live: the next move is the writers' (an update), if any.
  PUBLISHED: "writer",
  UNPUBLISHED: "editor",
  ARCHIVED: "editor",
};

export type PrimaryAction =
  | {
      kind: "submit";
      label: string;
      /** A resubmission after changes were requested: the form asks what changed for the reviewer. */
      resubmit: boolean;
      ready: boolean;
      /** What is missing, as short phrases ("a summary", "2 citations without references"). */
      needs: string[];
      /** Why it cannot be taken now when that is not a list of things to add ("Change the text to resubmit."). */
      note: string | null;
    }
  | { kind: "decide"; label: string; ready: boolean; needs: string[]; note: string | null }
  | { kind: "publish"; label: string; ready: boolean; needs: string[]; note: string | null }
  | { kind: "restore"; label: string; ready: true; needs: string[]; note: null }
  /** Nothing for this person to do: says who is being waited for. */
  | { kind: "wait"; label: string; ready: false; needs: string[]; note: string };

export interface WorkspaceFacts {
  ctx: TransitionContext;
  /** Blocking content-check findings of the working copy. */
  blocking: readonly Pick<Finding, "rule">[];
  /** The publish gate for the current revision; only needed when publishing could be the next step. */
  gate: Pick<GateResult, "items"> | null;
  /** The number of the current frozen revision, if any. */
  revisionNumber: number | null;
}

export interface WorkspaceHeader {
  status: ArticleStatus;
  statusLabel: string;
  holder: Holder;
  primary: PrimaryAction | null;
  /** The person may take the submission back (a secondary action beside the primary one). */
  canWithdraw: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Blocking findings as what submitting needs, grouped by kind, in the order the checks report them. */
export function describeBlocking(findings: readonly Pick<Finding, "rule">[]): string[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const phrase = (rule: string, n: number): string => {
    switch (rule) {
      case "missing-summary":
        return "a summary";
      case "empty-heading":
        return plural(n, "heading without text", "headings without text");
      case "empty-section":
        return plural(n, "empty section", "empty sections");
      case "empty-lead-in":
        return plural(n, "lead-in with no list after it", "lead-ins with no list after them");
      case "citation-without-reference":
        return plural(n, "citation without a reference", "citations without references");
      case "reference-without-link":
        return plural(n, "reference without a link", "references without a link");
      case "non-http-link":
        return plural(n, "link that is not http(s)", "links that are not http(s)");
      default:
        return plural(n, "other blocking problem", "other blocking problems");
    }
  };
  return [...counts].map(([rule, n]) => phrase(rule, n));
}

const GATE_NEEDS: Record<GateItemKey, string> = {
  approval: "a medical approval of this revision",
  citations: "every citation resolved and every reference linked",
  sources: "sources that stand",
  plagiarism: "a plagiarism report under the threshold",
  feedback: "open reader reports settled",
  contentChecks: "no blocking content-check finding",
  images: "alt text, licence and consent for every image",
  layReview: "the lay reviews the audience's policy asks for",
};

function submitAction(actor: Pick<Actor, "status" | "roles">, facts: WorkspaceFacts): PrimaryAction | null {
  const { ctx } = facts;
  const failed = failedPreconditions("submit", actor, ctx);
  if (!failed || failed.some((f) => f.personal)) return null;
  const resubmit = ctx.status === "CHANGES_REQUESTED";
  const update = ctx.status === "PUBLISHED" || ctx.status === "UNPUBLISHED";
  const label = resubmit ? "Resubmit" : update ? "Submit the update for review" : "Submit for review";
  const unchanged = failed.some((f) => f.key === "has-changes");
  const note = !unchanged
    ? null
    : resubmit
      ? "Change the text to resubmit: the reviewer asked for changes."
      : update
        ? "Change the text to start an update of the live article."
        : `Nothing has changed since revision ${facts.revisionNumber ?? ""} was submitted: change the text to submit again.`;
  const needs = failed.some((f) => f.key === "no-blocking-findings") ? describeBlocking(facts.blocking) : [];
  return { kind: "submit", label, resubmit, ready: failed.length === 0, needs, note };
}

function decideAction(actor: Pick<Actor, "status" | "roles">, facts: WorkspaceFacts): PrimaryAction | null {
  const failed = failedPreconditions("approve", actor, facts.ctx);
  if (!failed) return null;
  // Not this person's decision (they wrote it, or their credential does not allow it): say why, offer nothing.
  const personal = failed.find((f) => f.personal);
  if (personal)
    return { kind: "wait", label: "Nothing for you to do now", ready: false, needs: [], note: personal.message };
  return {
    kind: "decide",
    label: "Approve or request changes",
    ready: failed.length === 0,
    needs: [],
    note: failed[0]?.message ?? null,
  };
}

function publishAction(actor: Pick<Actor, "status" | "roles">, facts: WorkspaceFacts): PrimaryAction | null {
  const failed = failedPreconditions("publish", actor, facts.ctx);
  if (!failed) return null;
  const gateFailed = failed.some((f) => f.key === "gate-passes");
  const needs = gateFailed
    ? (facts.gate?.items ?? []).filter((i) => i.state === "failed").map((i) => GATE_NEEDS[i.key])
    : [];
  const other = failed.find((f) => f.key !== "gate-passes");
  return {
    kind: "publish",
    label: "Publish…",
    ready: failed.length === 0,
    needs,
    note: other?.message ?? (gateFailed && !needs.length ? failed[0].message : null),
  };
}

const WAITING: Partial<Record<ArticleStatus, string>> = {
  IN_REVIEW: "Waiting for a reviewer's decision. Changing the text withdraws the submission.",
  APPROVED: "Approved: waiting for an editor to publish it.",
  UNPUBLISHED: "Taken down: an editor can publish it again.",
  ARCHIVED: "Archived and read-only: an editor can restore it.",
  CHANGES_REQUESTED: "The reviewer asked for changes: waiting for the writers.",
  DRAFT: "A draft: waiting for the writers to submit it.",
};

/** The header for one person: who holds the article, the one next step for them, and what it still needs. */
export function workspaceHeader(actor: Pick<Actor, "status" | "roles"> | null, facts: WorkspaceFacts): WorkspaceHeader {
  const { ctx } = facts;
  const base = {
    status: ctx.status,
    statusLabel: STATUS_LABELS[ctx.status],
    holder: HOLDER_BY_STATUS[ctx.status],
    canWithdraw: !!actor && checkTransition("withdraw", actor, ctx).ok,
  };
  if (!actor) return { ...base, primary: null };
  const restore: PrimaryAction | null = checkTransition("restore", actor, ctx).ok
    ? { kind: "restore", label: "Restore to draft", ready: true, needs: [], note: null }
    : null;
  const primary =
    submitAction(actor, facts) ?? decideAction(actor, facts) ?? publishAction(actor, facts) ?? restore ?? null;
  if (primary) return { ...base, primary };
  const waiting = WAITING[ctx.status];
  return {
    ...base,
    primary: waiting
      ? { kind: "wait", label: "Nothing for you to do now", ready: false, needs: [], note: waiting }
      : null,
  };
}
