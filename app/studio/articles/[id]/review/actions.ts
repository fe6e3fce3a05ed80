"use server";
// Review screen actions: comments, decision (submit and withdraw are the workspace header's,
// ../workspace-actions.ts). Thin: session → schema → lib → after-commit.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import {
  approveRevision,
  approveRevisionSchema,
  requestChanges,
  requestChangesSchema,
} from "@/lib/review/decide-review";
import { addReviewComment, addReviewCommentSchema } from "@/lib/review/add-review-comment";
import { replyToReviewComment, replyToReviewCommentSchema } from "@/lib/review/reply-to-review-comment";
import { resolveReviewComment, resolveReviewCommentSchema } from "@/lib/review/resolve-review-comment";
import { sendQueuedMail } from "@/app/_server/after-commit";

// Every screen of the article shows its state in the workspace header.
const done = (articleId: string) => {
  revalidatePath(`/studio/articles/${articleId}`, "layout");
  sendQueuedMail();
};

export const approveAction = action(
  { name: "approveRevision", permission: "review.decide", schema: approveRevisionSchema },
  async (input, actor) => {
    const r = await approveRevision(db, actor, input);
    done(input.articleId);
    return { reviewId: r.id };
  },
);

export const requestChangesAction = action(
  { name: "requestChanges", permission: "review.decide", schema: requestChangesSchema },
  async (input, actor) => {
    const r = await requestChanges(db, actor, input);
    done(input.articleId);
    return { reviewId: r.id };
  },
);

export const addCommentAction = action(
  { name: "addReviewComment", permission: "review.comment", schema: addReviewCommentSchema },
  async (input, actor) => {
    const c = await addReviewComment(db, actor, input);
    done(input.articleId);
    return { commentId: c.id };
  },
);

export const replyAction = action(
  { name: "replyToReviewComment", permission: "studio.access", schema: replyToReviewCommentSchema },
  async (input, actor) => {
    const c = await replyToReviewComment(db, actor, input);
    done(c.articleId);
    return { commentId: c.id };
  },
);

export const resolveAction = action(
  { name: "resolveReviewComment", permission: "studio.access", schema: resolveReviewCommentSchema },
  async (input, actor) => {
    const c = await resolveReviewComment(db, actor, input);
    done(c.articleId);
    return { resolved: !!c.resolvedAt };
  },
);
