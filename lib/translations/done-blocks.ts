// Side-by-side translation: the translator ticks each source block once its translation is written. The marks
// are indexes of the base source revision's top-level blocks, kept on the working draft (they are working
// state, not content: no revision, no approval depends on them).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { assertCanEditArticle } from "../articles/article-access";

export function parseDoneBlocks(json: string | null | undefined): number[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    if (!Array.isArray(value)) return [];
    return [...new Set(value.filter((v): v is number => Number.isInteger(v) && v >= 0))].sort((a, b) => a - b);
  } catch {
    return [];
  }
}

export const markBlockDoneSchema = z.object({
  articleId: z.string().min(1),
  blockIndex: z.coerce.number().int().min(0, "Unknown block.").max(100_000, "Unknown block."),
  done: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()),
});
export type MarkBlockDoneInput = z.output<typeof markBlockDoneSchema>;

export async function markBlockDone(db: Db, actor: Actor, input: MarkBlockDoneInput) {
  return db.$transaction(async (tx) => {
    await assertCanEditArticle(tx, actor, input.articleId);
    const article = await tx.article.findUniqueOrThrow({
      where: { id: input.articleId },
      select: { translationOfId: true, draft: { select: { doneBlocksJson: true } } },
    });
    if (!article.translationOfId || !article.draft)
      throw new AppError("BAD_REQUEST", "Only a translation's blocks can be marked done.");
    const marks = new Set(parseDoneBlocks(article.draft.doneBlocksJson));
    if (input.done) marks.add(input.blockIndex);
    else marks.delete(input.blockIndex);
    const doneBlocks = [...marks].sort((a, b) => a - b);
    await tx.workingDraft.update({
      where: { articleId: input.articleId },
      data: { doneBlocksJson: JSON.stringify(doneBlocks) },
    });
    return { doneBlocks };
  });
}
