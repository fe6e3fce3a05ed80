// POST { action: "reply", body } | { action: "resolve" }: the writer answers or resolves a review thread from
// the editor's margin (lib/review/answer-margin-thread.ts: checked, and audited in the same transaction); the
// reply's notifications are mailed after the commit.
import { NextResponse } from "next/server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { answerMarginThread, answerMarginThreadSchema } from "@/lib/review/answer-margin-thread";
import { authedJsonRoute } from "@/app/_server/route";
import { sendQueuedMail } from "@/app/_server/after-commit";

type Ctx = { params: Promise<{ id: string; commentId: string }> };

export const POST = authedJsonRoute(
  {
    permission: "studio.access",
    name: "margin-comments.answer",
    schema: answerMarginThreadSchema,
    maxBytes: 16 * 1024,
    invalidMessage: "Write the answer, or choose Resolve.",
    fromUrl: async ({ params }: Ctx) => {
      const { id, commentId } = await params;
      return { articleId: id, commentId };
    },
  },
  async (input, actor) => {
    const result = await answerMarginThread(db, actor, input);
    sendQueuedMail();
    revalidatePath(`/studio/articles/${input.articleId}/review`);
    return NextResponse.json(result);
  },
);
