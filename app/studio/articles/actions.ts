"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { bulkActionSchema, runBulkAction } from "@/lib/article-list/bulk-actions";
import { sendQueuedMail } from "@/app/_server/after-commit";

export const bulkAction = action(
  { name: "contentBulkAction", permission: "studio.access", schema: bulkActionSchema },
  async (input, actor) => {
    const result = await runBulkAction(db, actor, input);
    revalidatePath("/studio/articles");
    sendQueuedMail();
    return result;
  },
);
