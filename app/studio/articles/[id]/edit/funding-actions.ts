"use server";
// An article's funding and sponsorship: a thin wrapper over lib/declarations/article-funding (audited).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { articleFundingFormSchema, updateArticleFunding } from "@/lib/declarations/article-funding";

export const articleFundingAction = action(
  { name: "articleFunding", permission: "studio.access", schema: articleFundingFormSchema },
  async (input, actor) => {
    const funding = await updateArticleFunding(db, actor, input);
    revalidatePath(`/studio/articles/${input.articleId}/edit`);
    return { funding };
  },
);
