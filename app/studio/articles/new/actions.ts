"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { createArticle, createArticleSchema } from "@/lib/articles/create-article";
import { action } from "@/app/_server/action";

export const createArticleAction = action(
  { name: "createArticle", permission: "article.create", schema: createArticleSchema },
  async (input, actor) => {
    const article = await createArticle(db, actor, input);
    redirect(`/studio/articles/${article.id}/edit`);
  },
);
