"use server";
// The reviewer's "Suggest an edit" on the review screen. Thin: session → schema → lib.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { suggestEdit, suggestEditSchema } from "@/lib/review/suggested-edits";

export const suggestEditAction = action(
  { name: "suggestEdit", permission: "review.comment", schema: suggestEditSchema },
  async (input, actor) => {
    const s = await suggestEdit(db, actor, input);
    revalidatePath(`/studio/articles/${input.articleId}/review`);
    return { suggestionId: s.id };
  },
);
