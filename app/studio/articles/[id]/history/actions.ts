"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { restoreRevision } from "@/lib/revisions/restore-revision";
import { action } from "@/app/_server/action";

export const restoreRevisionAction = action(
  {
    name: "restoreRevision",
    permission: "studio.access",
    schema: z.object({ articleId: z.string().min(1), revisionId: z.string().min(1) }),
  },
  async (input, actor) => {
    const result = await restoreRevision(db, actor, input);
    revalidatePath(`/studio/articles/${input.articleId}/edit`);
    redirect(`/studio/articles/${input.articleId}/edit?restored=${result.number}`);
  },
);
