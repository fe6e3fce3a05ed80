import { describe, expect, it } from "vitest";
import type { ArticleStatus, TransitionContext } from "../workflow/state-machine";
import { describeBlocking, workspaceHeader, type WorkspaceFacts } from "./primary-action";

const ctx = (status: ArticleStatus, over: Partial<TransitionContext> = {}): TransitionContext => ({
  status,
  isLive: false,
  actorIsAuthor: true,
  hasCurrentRevision: true,
  actorContributedToCurrent: true,
  workingCopyChanged: true,
  workingCopyBlocking: 0,
  actorCredential: "NONE",
  gatePasses: false,
  currentIsLive: false,
  ...over,
});
const facts = (c: TransitionContext, over: Partial<WorkspaceFacts> = {}): WorkspaceFacts => ({
  ctx: c,
  blocking: [],
  gate: null,
  revisionNumber: 1,
  ...over,
});
const as = (role: string) => ({ status: "ACTIVE", roles: [role] });
const writer = as("WRITER");
const reviewer = as("REVIEWER");
const editor = as("EDITOR");
const stranger = { actorIsAuthor: false, actorContributedToCurrent: false };

describe("article workspace header", () => {
  it("offers the writer of a draft Submit, with what the checks still need in words", () => {
    const h = workspaceHeader(
      writer,
      facts(ctx("DRAFT", { workingCopyBlocking: 3 }), {
        blocking: [
          { rule: "missing-summary" },
          { rule: "citation-without-reference" },
          { rule: "citation-without-reference" },
        ],
      }),
    );
    expect(h).toMatchObject({ holder: "writer", statusLabel: "Draft", canWithdraw: false });
    expect(h.primary).toEqual({
      kind: "submit",
      label: "Submit for review",
      resubmit: false,
      ready: false,
      needs: ["a summary", "2 citations without references"],
      note: null,
    });
  });

  it("is ready when nothing is missing", () => {
    expect(workspaceHeader(writer, facts(ctx("DRAFT"))).primary).toMatchObject({ kind: "submit", ready: true });
  });

  it("after changes were requested: Resubmit, and says to change the text while it is unchanged", () => {
    const unchanged = workspaceHeader(writer, facts(ctx("CHANGES_REQUESTED", { workingCopyChanged: false })));
    expect(unchanged.primary).toMatchObject({
      kind: "submit",
      label: "Resubmit",
      resubmit: true,
      ready: false,
      note: "Change the text to resubmit: the reviewer asked for changes.",
    });
    expect(workspaceHeader(writer, facts(ctx("CHANGES_REQUESTED"))).primary).toMatchObject({
      label: "Resubmit",
      ready: true,
      note: null,
    });
  });

  it("a live article: the update is submitted once the text changed", () => {
    const h = workspaceHeader(writer, facts(ctx("PUBLISHED", { isLive: true, workingCopyChanged: false })));
    expect(h.primary).toMatchObject({ label: "Submit the update for review", ready: false });
    expect(h.holder).toBe("writer");
  });

  it("in review: the writer waits and may withdraw; a credentialed reviewer who did not write it decides", () => {
    const inReview = ctx("IN_REVIEW");
    const w = workspaceHeader(writer, facts(inReview));
    expect(w).toMatchObject({ holder: "reviewer", canWithdraw: true });
    expect(w.primary).toMatchObject({ kind: "wait", note: expect.stringContaining("reviewer's decision") });

    const r = workspaceHeader(reviewer, facts({ ...inReview, ...stranger, actorCredential: "VALID" }));
    expect(r.canWithdraw).toBe(false);
    expect(r.primary).toEqual({
      kind: "decide",
      label: "Approve or request changes",
      ready: true,
      needs: [],
      note: null,
    });
  });

  it("a reviewer without a valid credential sees why they cannot decide", () => {
    const r = workspaceHeader(reviewer, facts(ctx("IN_REVIEW", { ...stranger, actorCredential: "EXPIRED" })));
    expect(r.primary).toMatchObject({ kind: "wait", ready: false, note: expect.stringContaining("credential") });
  });

  it("a reviewer who wrote the article is told someone else must review it, with nothing to click", () => {
    const r = workspaceHeader(
      reviewer,
      facts(ctx("IN_REVIEW", { actorCredential: "VALID", actorContributedToCurrent: true })),
    );
    expect(r.primary).toMatchObject({ kind: "wait", ready: false, note: expect.stringContaining("someone else") });
  });

  it("approved: the editor publishes, with the gate's failed items as needs; the writer waits", () => {
    const approved = ctx("APPROVED", { ...stranger, gatePasses: false });
    const gate = {
      items: [
        { key: "approval" as const, state: "passed" as const },
        { key: "plagiarism" as const, state: "failed" as const },
        { key: "images" as const, state: "overridden" as const },
      ],
    } as unknown as WorkspaceFacts["gate"];
    const e = workspaceHeader(editor, facts(approved, { gate }));
    expect(e.holder).toBe("editor");
    expect(e.primary).toMatchObject({
      kind: "publish",
      ready: false,
      needs: ["a plagiarism report under the threshold"],
    });
    expect(workspaceHeader(editor, facts({ ...approved, gatePasses: true })).primary).toMatchObject({
      kind: "publish",
      ready: true,
      needs: [],
    });
    expect(workspaceHeader(writer, facts(approved)).primary).toMatchObject({
      kind: "wait",
      note: "Approved: waiting for an editor to publish it.",
    });
  });

  it("archived: an editor restores, a writer is told it is read-only", () => {
    expect(workspaceHeader(editor, facts(ctx("ARCHIVED"))).primary).toMatchObject({ kind: "restore", ready: true });
    expect(workspaceHeader(writer, facts(ctx("ARCHIVED"))).primary).toMatchObject({ kind: "wait" });
  });

  it("someone else's draft offers a reviewer nothing to click", () => {
    const h = workspaceHeader(reviewer, facts(ctx("DRAFT", stranger)));
    expect(h.primary).toMatchObject({ kind: "wait", ready: false });
    expect(workspaceHeader(null, facts(ctx("DRAFT"))).primary).toBeNull();
  });
});

describe("blocking findings in words", () => {
  it("groups by kind and counts", () => {
    expect(
      describeBlocking([
        { rule: "empty-section" },
        { rule: "empty-section" },
        { rule: "reference-without-link" },
        { rule: "non-http-link" },
        { rule: "something-new" },
      ]),
    ).toEqual([
      "2 empty sections",
      "1 reference without a link",
      "1 link that is not http(s)",
      "1 other blocking problem",
    ]);
  });
});
