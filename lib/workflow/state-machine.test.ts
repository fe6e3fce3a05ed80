import { describe, expect, it } from "vitest";
import {
  ARTICLE_STATUSES,
  TRANSITION_NAMES,
  assertTransition,
  availableTransitions,
  checkTransition,
  refusalInState,
  failedPreconditions,
  type ArticleStatus,
  type CredentialStanding,
  type TransitionContext,
  type TransitionName,
} from "./state-machine";

// The expected matrix is written out here by hand, not derived from the table, so a change to the table
// that widens or narrows who may do what fails a test.
type RoleCase = "WRITER" | "REVIEWER" | "EDITOR" | "ADMIN" | "NO_ROLE" | "DISABLED_EDITOR";
const ROLE_CASES: RoleCase[] = ["WRITER", "REVIEWER", "EDITOR", "ADMIN", "NO_ROLE", "DISABLED_EDITOR"];
const actorFor = (r: RoleCase) =>
  r === "NO_ROLE"
    ? { status: "ACTIVE", roles: [] }
    : r === "DISABLED_EDITOR"
      ? { status: "DISABLED", roles: ["EDITOR"] }
      : { status: "ACTIVE", roles: [r] };

const EXPECTED: Record<
  TransitionName,
  { roles: RoleCase[]; from: ArticleStatus[]; to: (s: ArticleStatus) => ArticleStatus }
> = {
  submit: {
    roles: ["WRITER", "EDITOR"],
    from: ["DRAFT", "CHANGES_REQUESTED", "PUBLISHED", "UNPUBLISHED"],
    to: () => "IN_REVIEW",
  },
  withdraw: { roles: ["WRITER", "EDITOR"], from: ["IN_REVIEW"], to: () => "DRAFT" },
  requestChanges: { roles: ["REVIEWER"], from: ["IN_REVIEW"], to: () => "CHANGES_REQUESTED" },
  approve: { roles: ["REVIEWER"], from: ["IN_REVIEW"], to: () => "APPROVED" },
  publish: { roles: ["EDITOR"], from: ["APPROVED", "UNPUBLISHED"], to: () => "PUBLISHED" },
  schedule: { roles: ["EDITOR"], from: ["APPROVED", "UNPUBLISHED"], to: (s) => s },
  unpublish: {
    roles: ["EDITOR"],
    from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED"],
    to: (s) => (s === "PUBLISHED" ? "UNPUBLISHED" : s),
  },
  archive: {
    roles: ["EDITOR"],
    from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "UNPUBLISHED"],
    to: () => "ARCHIVED",
  },
  restore: { roles: ["EDITOR"], from: ["ARCHIVED"], to: () => "DRAFT" },
};

/** A context in which every precondition holds. */
const happy = (status: ArticleStatus, over: Partial<TransitionContext> = {}): TransitionContext => ({
  status,
  isLive: true,
  actorIsAuthor: true,
  hasCurrentRevision: true,
  actorContributedToCurrent: false,
  workingCopyChanged: true,
  workingCopyBlocking: 0,
  actorCredential: "VALID",
  gatePasses: true,
  currentIsLive: false,
  ...over,
});

describe("workflow state machine: every transition × every role × every state", () => {
  it("covers every transition in the expected matrix", () => {
    expect([...TRANSITION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of TRANSITION_NAMES) {
    for (const role of ROLE_CASES) {
      for (const status of ARTICLE_STATUSES) {
        const exp = EXPECTED[name];
        const allowed = exp.roles.includes(role) && exp.from.includes(status);
        it(`${name} by ${role} from ${status}: ${allowed ? "allowed" : "refused"}`, () => {
          const result = checkTransition(name, actorFor(role), happy(status));
          if (allowed) {
            expect(result).toEqual({ ok: true, to: exp.to(status) });
          } else {
            expect(result.ok).toBe(false);
            // Wrong state is reported before permission, so the person learns the real reason.
            if (!result.ok) expect(result.code).toBe(exp.from.includes(status) ? "FORBIDDEN" : "INVALID_TRANSITION");
          }
        });
      }
    }
  }
});

describe("preconditions", () => {
  const refused = (name: TransitionName, role: RoleCase, ctx: TransitionContext) => {
    const r = checkTransition(name, actorFor(role), ctx);
    expect(r.ok).toBe(false);
    return r.ok ? undefined : r;
  };

  it("a writer may only submit or withdraw articles they write; an editor may for any article", () => {
    expect(refused("submit", "WRITER", happy("DRAFT", { actorIsAuthor: false }))).toMatchObject({
      code: "FORBIDDEN",
      failed: "may-edit-article",
    });
    expect(refused("withdraw", "WRITER", happy("IN_REVIEW", { actorIsAuthor: false }))).toMatchObject({
      failed: "may-edit-article",
    });
    expect(checkTransition("submit", actorFor("EDITOR"), happy("DRAFT", { actorIsAuthor: false })).ok).toBe(true);
  });

  it("submitting needs changes since the last revision", () => {
    for (const s of ["DRAFT", "CHANGES_REQUESTED", "PUBLISHED", "UNPUBLISHED"] as const) {
      expect(refused("submit", "WRITER", happy(s, { workingCopyChanged: false }))).toMatchObject({
        code: "INVALID_TRANSITION",
        failed: "has-changes",
      });
    }
  });

  it("submitting needs the working copy free of blocking content-check findings", () => {
    for (const s of ["DRAFT", "CHANGES_REQUESTED", "PUBLISHED", "UNPUBLISHED"] as const) {
      expect(refused("submit", "WRITER", happy(s, { workingCopyBlocking: 2 }))).toMatchObject({
        code: "INVALID_TRANSITION",
        failed: "no-blocking-findings",
      });
    }
  });

  it("lists every failing precondition at once, and nothing for a transition that is not the person's", () => {
    const ctx = happy("CHANGES_REQUESTED", { workingCopyChanged: false, workingCopyBlocking: 1 });
    expect(failedPreconditions("submit", actorFor("WRITER"), ctx)?.map((f) => f.key)).toEqual([
      "has-changes",
      "no-blocking-findings",
    ]);
    expect(failedPreconditions("submit", actorFor("WRITER"), happy("DRAFT"))).toEqual([]);
    expect(failedPreconditions("submit", actorFor("REVIEWER"), ctx)).toBeNull();
    expect(failedPreconditions("approve", actorFor("REVIEWER"), happy("DRAFT"))).toBeNull();
    expect(
      failedPreconditions("approve", actorFor("REVIEWER"), happy("IN_REVIEW", { actorCredential: "EXPIRED" })),
    ).toEqual([{ key: "credential-valid", message: expect.any(String), personal: true }]);
  });

  it("the writer of a revision may submit it even though they contributed to it", () => {
    expect(checkTransition("submit", actorFor("WRITER"), happy("DRAFT", { actorContributedToCurrent: true })).ok).toBe(
      true,
    );
  });

  for (const decision of ["approve", "requestChanges"] as const) {
    it(`${decision}: needs a verified, unexpired credential`, () => {
      const bad: CredentialStanding[] = ["NONE", "PENDING", "REJECTED", "EXPIRED"];
      for (const standing of bad) {
        expect(refused(decision, "REVIEWER", happy("IN_REVIEW", { actorCredential: standing }))).toMatchObject({
          code: "FORBIDDEN",
          failed: "credential-valid",
        });
      }
    });

    it(`${decision}: nobody decides on a revision they wrote or edited (even with both roles)`, () => {
      const both = { status: "ACTIVE", roles: ["WRITER", "REVIEWER"] };
      const r = checkTransition(decision, both, happy("IN_REVIEW", { actorContributedToCurrent: true }));
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN", failed: "not-contributor" });
      expect(checkTransition(decision, both, happy("IN_REVIEW")).ok).toBe(true);
    });

    it(`${decision}: needs a submitted revision`, () => {
      expect(refused(decision, "REVIEWER", happy("IN_REVIEW", { hasCurrentRevision: false }))).toMatchObject({
        failed: "has-revision",
      });
    });
  }

  for (const name of ["publish", "schedule"] as const) {
    it(`${name}: needs the gate to pass, a revision, and that revision not already live`, () => {
      expect(refused(name, "EDITOR", happy("APPROVED", { gatePasses: false }))).toMatchObject({
        code: "INVALID_TRANSITION",
        failed: "gate-passes",
      });
      expect(refused(name, "EDITOR", happy("APPROVED", { hasCurrentRevision: false }))).toMatchObject({
        failed: "has-revision",
      });
      expect(refused(name, "EDITOR", happy("UNPUBLISHED", { currentIsLive: true }))).toMatchObject({
        failed: "not-already-live",
      });
    });
  }

  it("unpublish needs a live version; taking down a live article whose next revision is in review keeps the review", () => {
    expect(refused("unpublish", "EDITOR", happy("PUBLISHED", { isLive: false }))).toMatchObject({ failed: "is-live" });
    expect(checkTransition("unpublish", actorFor("EDITOR"), happy("IN_REVIEW"))).toEqual({ ok: true, to: "IN_REVIEW" });
    expect(checkTransition("unpublish", actorFor("EDITOR"), happy("PUBLISHED"))).toEqual({
      ok: true,
      to: "UNPUBLISHED",
    });
  });
});

describe("assertTransition / availableTransitions", () => {
  it("throws coded errors and returns the next state", () => {
    expect(() => assertTransition("approve", null, happy("IN_REVIEW"))).toThrowError(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
    expect(() => assertTransition("approve", actorFor("WRITER"), happy("IN_REVIEW"))).toThrowError(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => assertTransition("approve", actorFor("REVIEWER"), happy("DRAFT"))).toThrowError(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
    expect(assertTransition("approve", actorFor("REVIEWER"), happy("IN_REVIEW"))).toBe("APPROVED");
  });

  it("lists what each role can do now", () => {
    expect(availableTransitions(actorFor("REVIEWER"), happy("IN_REVIEW"))).toEqual(["requestChanges", "approve"]);
    expect(availableTransitions(actorFor("EDITOR"), happy("APPROVED"))).toEqual([
      "publish",
      "schedule",
      "unpublish",
      "archive",
    ]);
    expect(availableTransitions(actorFor("ADMIN"), happy("APPROVED"))).toEqual([]);
  });
});

describe("refusals say the state in plain words", () => {
  it("a decision on an article someone has already decided reads as its state, not as an error", () => {
    expect(checkTransition("approve", actorFor("REVIEWER"), happy("APPROVED"))).toMatchObject({
      ok: false,
      reason: "This article is already approved.",
    });
    expect(checkTransition("approve", actorFor("REVIEWER"), happy("CHANGES_REQUESTED"))).toMatchObject({
      reason: "Changes have already been requested on this article: it is back with its writer.",
    });
    expect(checkTransition("requestChanges", actorFor("REVIEWER"), happy("APPROVED"))).toMatchObject({
      reason: "This article is already approved.",
    });
    expect(checkTransition("publish", actorFor("EDITOR"), happy("PUBLISHED"))).toMatchObject({
      reason: "This article is already published.",
    });
    expect(checkTransition("submit", actorFor("WRITER"), happy("IN_REVIEW"))).toMatchObject({
      reason: "This article is already in review.",
    });
  });

  it("a state on the way says what would make the action possible", () => {
    expect(refusalInState("publish", "IN_REVIEW")).toBe(
      "This article is in review: a medical reviewer has not decided yet. " +
        "It can be published once a medical reviewer approves it.",
    );
    expect(refusalInState("approve", "DRAFT")).toBe(
      "This article is a draft: it has not been submitted for review. It can be reviewed once its writer submits it.",
    );
  });

  it("every refusal for the wrong state is a sentence about the article, never the rule that was broken", () => {
    for (const name of TRANSITION_NAMES) {
      for (const status of ARTICLE_STATUSES) {
        const r = checkTransition(name, actorFor("EDITOR"), happy(status));
        if (r.ok || r.code !== "INVALID_TRANSITION" || r.failed) continue;
        expect(r.reason).toMatch(/^(This article is|Changes have)[^]*\.$/);
        expect(r.reason).not.toMatch(/cannot|not allowed|invalid/i);
      }
    }
  });
});
