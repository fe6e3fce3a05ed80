// Lay review: an editor invites a reader by e-mail (only the link's hash is stored, the mail is queued), the
// reader's answers are bound to the revision's content hash, the link works once and not after expiry, the
// audience policy holds the gate until enough reviews exist, and the address is never in the audit log.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeTeam, setDraft } from "../../tests/helpers/publish-fixtures";
import { makeArticle } from "../../tests/helpers/factory";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { submitArticle } from "../workflow/submit-article";
import { loadGate } from "../gate/load-gate";
import { putSetting } from "../settings/settings";
import { hashToken } from "../accounts/account-tokens";
import { inviteLayReviewer } from "./invite-lay-reviewer";
import {
  LAY_LINK_MISS_RATE_LIMIT,
  LAY_LINK_RATE_LIMIT,
  limitLayLink,
  openLayReviewLink,
  submitLayReview,
} from "./submit-lay-review";
import { listLayInvites, listLayReviews } from "./list-lay-reviews";

const t = createTestDb();
afterAll(() => t.cleanup());

const answers = {
  understandable: "MOSTLY",
  missing: "How long recovery takes.",
  worrying: "",
  readingEase: "ABOUT_RIGHT",
  livedExperience: "on",
  comments: "Clear overall.",
};

async function setUp() {
  const team = await makeTeam(t.db);
  const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Asthma" });
  await setDraft(t.db, article.id, { title: "Asthma", blocks: ["Asthma affects the airways."] });
  const { revisionId } = await submitArticle(t.db, team.writer, { articleId: article.id, changeSummary: "Ready" });
  const revision = await t.db.revision.findUniqueOrThrow({ where: { id: revisionId } });
  return { team, article, revision };
}

describe("lay review", () => {
  it("an editor invites a reader; the answers are recorded on the revision's hash; the link works once", async () => {
    const { team, article, revision } = await setUp();
    const invite = await inviteLayReviewer(t.db, team.editor, {
      articleId: article.id,
      revisionId: revision.id,
      email: "reader@example.org",
      message: "",
    });
    const stored = await t.db.layReviewInvite.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(stored.tokenHash).toBe(hashToken(invite.token));
    expect(JSON.stringify(stored)).not.toContain(invite.token);
    const mail = await t.db.outboxMail.findFirstOrThrow({ where: { to: "reader@example.org" } });
    expect(mail.text).toContain(`/lay-review?token=${invite.token}`);

    const opened = await openLayReviewLink(t.db, invite.token);
    expect(opened?.revision.title).toBe("Asthma");
    const review = await submitLayReview(t.db, invite.token, answers);
    expect(review).toMatchObject({
      contentHash: revision.contentHash,
      livedExperience: true,
      understandable: "MOSTLY",
    });
    expect(await listLayReviews(t.db, revision.id)).toHaveLength(1);

    expect(await openLayReviewLink(t.db, invite.token)).toBeNull();
    const again = await catchAppError(submitLayReview(t.db, invite.token, answers));
    expect(again.code).toBe("BAD_REQUEST");
    expect(await listLayReviews(t.db, revision.id)).toHaveLength(1);

    // The address is the inviting editor's alone: not in the audit log, not in another editor's list.
    const events = await t.db.auditEvent.findMany({
      where: { entityId: article.id, action: { startsWith: "lay_review." } },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["lay_review.invited", "lay_review.recorded"]);
    expect(events.some((e) => e.dataJson.includes("reader@example.org"))).toBe(false);
    expect((await listLayInvites(t.db, article.id, team.editor.id))[0]).toMatchObject({
      email: "reader@example.org",
      state: "answered",
    });
    expect(await listLayInvites(t.db, article.id, team.writer.id)).toEqual([]);
  });

  it("an expired link opens nothing and takes no answers; writers cannot invite", async () => {
    const { team, article, revision } = await setUp();
    const sent = new Date("2026-01-01T00:00:00Z");
    const invite = await inviteLayReviewer(
      t.db,
      team.editor,
      { articleId: article.id, revisionId: revision.id, email: "late@example.org", message: "" },
      sent,
    );
    const later = new Date("2026-02-01T00:00:00Z");
    expect(await openLayReviewLink(t.db, invite.token, later)).toBeNull();
    expect((await catchAppError(submitLayReview(t.db, invite.token, answers, later))).code).toBe("BAD_REQUEST");
    const refused = await catchAppError(
      inviteLayReviewer(t.db, team.writer, {
        articleId: article.id,
        revisionId: revision.id,
        email: "x@example.org",
        message: "",
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("answers are checked: a missing choice is named, nothing is used up", async () => {
    const { team, article, revision } = await setUp();
    const invite = await inviteLayReviewer(t.db, team.editor, {
      articleId: article.id,
      revisionId: revision.id,
      email: "r2@example.org",
      message: "",
    });
    const bad = await catchAppError(submitLayReview(t.db, invite.token, { ...answers, understandable: "" }));
    expect(bad.fieldErrors?.understandable?.[0]).toMatch(/understand/);
    expect(await openLayReviewLink(t.db, invite.token)).not.toBeNull();
  });

  it("the link page is rate-limited: uses of one link, and links that open nothing per client address", async () => {
    const nowMs = Date.now();
    const link = { inviteId: `invite-${nowMs}`, clientKey: `client-a-${nowMs}` };
    for (let i = 0; i < LAY_LINK_RATE_LIMIT.limit; i++) await limitLayLink(t.db, link, nowMs);
    expect((await catchAppError(limitLayLink(t.db, link, nowMs))).code).toBe("RATE_LIMITED");
    // Another reader's link from the same address is counted apart.
    await limitLayLink(t.db, { ...link, inviteId: `other-${nowMs}` }, nowMs);
    const miss = { inviteId: null, clientKey: `client-b-${nowMs}` };
    for (let i = 0; i < LAY_LINK_MISS_RATE_LIMIT.limit; i++) await limitLayLink(t.db, miss, nowMs);
    const refused = await catchAppError(limitLayLink(t.db, miss, nowMs));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("a policy requiring one lay review for patients' articles holds the gate until it exists", async () => {
    const { team, article, revision } = await setUp();
    const item = async () => (await loadGate(t.db, article.id))!.items.find((i) => i.key === "layReview")!;
    expect((await item()).state).toBe("passed");
    await putSetting(t.db, "layReview.requiredPatients", 1);
    try {
      expect(await item()).toMatchObject({ state: "failed", reason: expect.stringMatching(/asks for 1 lay review/) });
      const invite = await inviteLayReviewer(t.db, team.editor, {
        articleId: article.id,
        revisionId: revision.id,
        email: "r3@example.org",
        message: "",
      });
      await submitLayReview(t.db, invite.token, answers);
      expect(await item()).toMatchObject({ state: "passed", reason: "1 lay review recorded (1 required)." });
    } finally {
      await putSetting(t.db, "layReview.requiredPatients", 0);
    }
  });
});
