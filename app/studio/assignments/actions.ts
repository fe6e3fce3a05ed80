"use server";
// Review assignments, article review settings and specialties: thin wrappers over lib/assignments.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import {
  assignReviewers,
  assignReviewersSchema,
  claimReview,
  claimReviewSchema,
  unassignReviewer,
  unassignReviewerSchema,
} from "@/lib/assignments/assign-reviewers";
import { articleReviewSettingsSchema, updateArticleReviewSettings } from "@/lib/assignments/article-review-settings";
import {
  addSpecialty,
  addSpecialtySchema,
  setCredentialSpecialties,
  setCredentialSpecialtiesSchema,
} from "@/lib/assignments/specialties";
import { sendQueuedMail } from "@/app/_server/after-commit";

const refresh = (articleId?: string) => {
  if (articleId) revalidatePath(`/studio/articles/${articleId}/publish`);
  revalidatePath("/studio");
  sendQueuedMail();
};

export const assignReviewersAction = action(
  { name: "assignReviewers", permission: "review.assign", schema: assignReviewersSchema },
  async (input, actor) => {
    const r = await assignReviewers(db, actor, input);
    refresh(input.articleId);
    return { dueAt: r.dueAt.toISOString() };
  },
);

export const unassignReviewerAction = action(
  { name: "unassignReviewer", permission: "review.assign", schema: unassignReviewerSchema },
  async (input, actor) => {
    await unassignReviewer(db, actor, input);
    refresh(input.articleId);
    return {};
  },
);

export const claimReviewAction = action(
  { name: "claimReview", permission: "review.queue", schema: claimReviewSchema },
  async (input, actor) => {
    const r = await claimReview(db, actor, input);
    refresh();
    return r;
  },
);

export const articleReviewSettingsAction = action(
  { name: "articleReviewSettings", permission: "review.assign", schema: articleReviewSettingsSchema },
  async (input, actor) => {
    const r = await updateArticleReviewSettings(db, actor, input);
    refresh(input.articleId);
    return r;
  },
);

export const addSpecialtyAction = action(
  { name: "addSpecialty", permission: "settings.manage", schema: addSpecialtySchema },
  async (input, actor) => {
    const s = await addSpecialty(db, actor, input);
    revalidatePath("/studio/admin/settings");
    return { name: s.name };
  },
);

export const credentialSpecialtiesAction = action(
  { name: "credentialSpecialties", permission: "credential.manage.own", schema: setCredentialSpecialtiesSchema },
  async (input, actor) => {
    await setCredentialSpecialties(db, actor, input);
    revalidatePath("/studio/credential");
    return {};
  },
);
