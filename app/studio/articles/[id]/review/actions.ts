"use server";
// Review screen actions: submit / withdraw, comments, decision. Thin: session → lib → after-commit effects.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { submitArticle, withdrawSubmission } from "@/lib/workflow/submit-article";
import { approveRevision, requestChanges } from "@/lib/workflow/decide-review";
import { addReviewComment, replyToReviewComment, resolveReviewComment } from "@/lib/review/review-comments";
import { afterRevisionFrozen } from "@/lib/revisions/after-freeze";
import { formObject } from "../../../_review/loose";
import { sendQueuedMail } from "../../../_review/after-commit";

const done = (articleId: unknown) => {
  revalidatePath(`/studio/articles/${String(articleId)}/review`);
  sendQueuedMail();
};

export const submitAction = action(
  { name: "submitArticle", permission: "article.submit", schema: formObject },
  async (input, actor) => {
    const r = await submitArticle(db, actor, input);
    // Checks and plagiarism run after the submission committed; awaited so the review screen shows them.
    await afterRevisionFrozen(db, r.revisionId);
    done(r.articleId);
    return { revisionId: r.revisionId, number: r.number };
  },
);

export const withdrawAction = action(
  { name: "withdrawSubmission", permission: "article.submit", schema: formObject },
  async (input, actor) => {
    const r = await withdrawSubmission(db, actor, input);
    done(r.articleId);
    return { status: r.status };
  },
);

export const approveAction = action(
  { name: "approveRevision", permission: "review.decide", schema: formObject },
  async (input, actor) => {
    // A ticked checkbox arrives as "on"; anything else is "not confirmed".
    const r = await approveRevision(db, actor, {
      ...input,
      attest: input.attest === "on" || input.attest === true ? true : undefined,
    });
    done(input.articleId);
    return { reviewId: r.id };
  },
);

export const requestChangesAction = action(
  { name: "requestChanges", permission: "review.decide", schema: formObject },
  async (input, actor) => {
    const r = await requestChanges(db, actor, input);
    done(input.articleId);
    return { reviewId: r.id };
  },
);

export const addCommentAction = action(
  { name: "addReviewComment", permission: "review.comment", schema: formObject },
  async (input, actor) => {
    const c = await addReviewComment(db, actor, {
      ...input,
      blockIndex: input.blockIndex === "" || input.blockIndex === undefined ? null : input.blockIndex,
    });
    done(input.articleId);
    return { commentId: c.id };
  },
);

export const replyAction = action(
  { name: "replyToReviewComment", permission: "studio.access", schema: formObject },
  async (input, actor) => {
    const c = await replyToReviewComment(db, actor, input);
    done(c.articleId);
    return { commentId: c.id };
  },
);

export const resolveAction = action(
  { name: "resolveReviewComment", permission: "studio.access", schema: formObject },
  async (input, actor) => {
    const c = await resolveReviewComment(db, actor, {
      commentId: input.commentId,
      resolved: input.resolved !== "false",
    });
    done(c.articleId);
    return { resolved: !!c.resolvedAt };
  },
);
