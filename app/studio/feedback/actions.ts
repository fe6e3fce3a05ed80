"use server";
// Triage actions of the feedback inbox: session → permission → zod → lib (state change + audit event in one
// transaction) → revalidate after commit.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { acknowledgeFeedback, acknowledgeFeedbackSchema } from "@/lib/feedback/acknowledge-feedback";
import { dismissFeedback, dismissFeedbackSchema } from "@/lib/feedback/dismiss-feedback";
import { resolveFeedback, resolveFeedbackSchema } from "@/lib/feedback/resolve-feedback";
import { action } from "@/app/_server/action";

function refresh() {
  revalidatePath("/studio/feedback", "layout");
}

export const acknowledgeFeedbackAction = action(
  {
    name: "acknowledgeFeedback",
    permission: "feedback.triage",
    schema: acknowledgeFeedbackSchema,
  },
  async (input, actor) => {
    const result = await acknowledgeFeedback(db, actor, input);
    refresh();
    return result;
  },
);

export const resolveFeedbackAction = action(
  { name: "resolveFeedback", permission: "feedback.triage", schema: resolveFeedbackSchema },
  async (input, actor) => {
    const result = await resolveFeedback(db, actor, input);
    refresh();
    return result;
  },
);

export const dismissFeedbackAction = action(
  { name: "dismissFeedback", permission: "feedback.triage", schema: dismissFeedbackSchema },
  async (input, actor) => {
    const result = await dismissFeedback(db, actor, input);
    refresh();
    return result;
  },
);
