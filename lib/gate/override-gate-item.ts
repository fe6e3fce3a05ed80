// An editor lets a failed gate item pass for one revision, with a written reason. Audited; the override is
// bound to the revision, so the next revision is checked afresh.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { GATE_ITEMS, GATE_ITEM_LABELS, OVERRIDABLE } from "./evaluate-gate";
import { loadGate } from "./load-gate";

export const overrideGateItemSchema = z.object({
  articleId: z.string().min(1),
  revisionId: z.string().min(1, "The revision is missing; reload the page."),
  item: z.enum(GATE_ITEMS, { error: "Choose a gate item." }),
  reason: z
    .string({ error: "Write the reason for the override." })
    .trim()
    .min(10, "Write the reason for the override (at least 10 characters): it is kept in the audit log.")
    .max(2000, "Keep the reason under 2000 characters."),
});
export type OverrideGateItemInput = z.output<typeof overrideGateItemSchema>;

export async function overrideGateItem(db: Db, actor: Actor, input: OverrideGateItemInput) {
  assertCan(actor, "gate.override", "override a publish gate item");
  const data = input;
  if (!OVERRIDABLE[data.item])
    throw new AppError(
      "FORBIDDEN",
      `“${GATE_ITEM_LABELS[data.item]}” cannot be overridden: the page may only say it was reviewed if it was.`,
    );
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: data.articleId }, select: { currentRevisionId: true } });
    if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
    if (article.currentRevisionId !== data.revisionId)
      throw new AppError("CONFLICT", "A newer revision exists; reload the page to see its gate.");
    const gate = await loadGate(tx, data.articleId, data.revisionId);
    const item = gate?.items.find((i) => i.key === data.item);
    if (!item || item.state !== "failed")
      throw new AppError(
        "CONFLICT",
        `“${GATE_ITEM_LABELS[data.item]}” is not failing, so there is nothing to override.`,
      );
    const row = await tx.gateOverride.create({
      data: {
        articleId: data.articleId,
        revisionId: data.revisionId,
        item: data.item,
        reason: data.reason,
        byId: actor.id,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "gate.override",
      entityType: "Article",
      entityId: data.articleId,
      data: { revisionId: data.revisionId, item: data.item, reason: data.reason, failure: item.reason },
    });
    return row;
  });
}
