"use server";
// The workspace header's workflow actions (on every article screen): submit or resubmit, withdraw. Thin:
// session → schema → lib → after-commit.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import {
  submitArticle,
  submitArticleSchema,
  withdrawSubmission,
  withdrawSubmissionSchema,
} from "@/lib/workflow/submit-article";
import { afterRevisionFrozen } from "@/lib/revisions/after-freeze";
import { sendQueuedMail } from "@/app/_server/after-commit";

/** Every screen of the article shows the state in its header. */
const done = (articleId: string) => {
  revalidatePath(`/studio/articles/${articleId}`, "layout");
  sendQueuedMail();
};

export const submitAction = action(
  { name: "submitArticle", permission: "article.submit", schema: submitArticleSchema },
  async (input, actor) => {
    const r = await submitArticle(db, actor, input);
    // Checks and plagiarism run after the submission committed; awaited so the review screen shows them.
    await afterRevisionFrozen(db, r.revisionId);
    done(r.articleId);
    return { revisionId: r.revisionId, number: r.number };
  },
);

export const withdrawAction = action(
  { name: "withdrawSubmission", permission: "article.submit", schema: withdrawSubmissionSchema },
  async (input, actor) => {
    const r = await withdrawSubmission(db, actor, input);
    done(r.articleId);
    return { status: r.status };
  },
);
