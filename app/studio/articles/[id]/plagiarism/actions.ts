"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { action } from "@/app/_server/action";
import { loadArticleAccess } from "@/lib/articles/article-access";
import { afterRevisionFrozen } from "@/lib/revisions/after-freeze";

export const rerunChecksAction = action(
  {
    name: "rerunIntegrityChecks",
    permission: "checks.run",
    schema: z.object({ articleId: z.string().min(1), revisionId: z.string().min(1) }),
  },
  async (input, actor) => {
    const revision = await db.revision.findUnique({ where: { id: input.revisionId }, select: { articleId: true } });
    if (
      !revision ||
      revision.articleId !== input.articleId ||
      !(await loadArticleAccess(db, actor, input.articleId)).may.read
    )
      throw new AppError("NOT_FOUND", "This revision does not exist or you may not see it.");
    const result = await afterRevisionFrozen(db, input.revisionId);
    if (result.errors.length) throw new AppError("CONFLICT", `Some checks could not run: ${result.errors.join("; ")}`);
    revalidatePath(`/studio/articles/${input.articleId}/plagiarism`);
    return { similarity: result.similarity, blocking: result.blocking };
  },
);
