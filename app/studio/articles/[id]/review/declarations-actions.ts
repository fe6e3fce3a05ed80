"use server";
// Conflicts of interest and lay review on the review screen: thin wrappers over lib/declarations and
// lib/lay-review (session, policy, schema, then lib; each lib call audits in its own transaction).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import {
  declareArticleInterest,
  declareArticleInterestSchema,
  overrideConflict,
  overrideConflictSchema,
} from "@/lib/declarations/approval-conflicts";
import { inviteLayReviewer, inviteLayReviewerSchema } from "@/lib/lay-review/invite-lay-reviewer";
import { sendQueuedMail } from "@/app/_server/after-commit";

const reviewPath = (articleId: string) => `/studio/articles/${articleId}/review`;

export const declareArticleInterestAction = action(
  { name: "declareArticleInterest", permission: "declarations.own", schema: declareArticleInterestSchema },
  async (input, actor) => {
    await declareArticleInterest(db, actor, input);
    revalidatePath(reviewPath(input.articleId));
    return { declared: true };
  },
);

export const overrideConflictAction = action(
  { name: "overrideConflict", permission: "conflict.override", schema: overrideConflictSchema },
  async (input, actor) => {
    await overrideConflict(db, actor, input);
    revalidatePath(reviewPath(input.articleId));
    return { overridden: true };
  },
);

export const inviteLayReviewerAction = action(
  { name: "inviteLayReviewer", permission: "layreview.invite", schema: inviteLayReviewerSchema },
  async (input, actor) => {
    const invite = await inviteLayReviewer(db, actor, input);
    sendQueuedMail();
    revalidatePath(reviewPath(input.articleId));
    return { email: input.email, expiresAt: invite.expiresAt.toISOString().slice(0, 10) };
  },
);
