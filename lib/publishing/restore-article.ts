// Brings an archived article back into the workflow (as the state machine says), audited.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertTransition, TRANSITIONS } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";

export const restoreArticleSchema = z.object({ articleId: z.string().min(1) });
export type RestoreArticleInput = z.output<typeof restoreArticleSchema>;

export async function restoreArticle(db: Db, actor: Actor, input: RestoreArticleInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor);
    const to = assertTransition("restore", actor, ctx);
    await tx.article.update({ where: { id: article.id }, data: { status: to } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.restore.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: { from: ctx.status, to },
    });
    return { articleId: article.id, status: to };
  });
}
