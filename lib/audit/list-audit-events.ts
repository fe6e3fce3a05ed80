// The admin audit view: newest first, filtered, paged by id (stable under new appends).
import { z } from "zod";
import type { DbTx } from "../db/client";
import { parseInput } from "../validation";
import { dialectFor } from "../db/dialects/dialect";

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD.")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(200).optional(), // name or e-mail contains
  from: dateOnly,
  to: dateOnly,
  before: z.coerce.number().int().positive().optional(), // page cursor: events with id < before
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(db: DbTx, rawFilter: unknown) {
  const f = parseInput(auditFilterSchema, rawFilter, "Please correct the filters.");
  const { containsIgnoringCase } = dialectFor(db);
  const where = {
    ...(f.action ? { action: containsIgnoringCase(f.action) } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actor
      ? { actor: { OR: [{ name: containsIgnoringCase(f.actor) }, { email: containsIgnoringCase(f.actor) }] } }
      : {}),
    ...(f.from || f.to
      ? {
          at: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00.000Z`) } : {}),
            ...(f.to ? { lte: new Date(`${f.to}T23:59:59.999Z`) } : {}),
          },
        }
      : {}),
    ...(f.before ? { id: { lt: f.before } } : {}),
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { name: true, email: true } } },
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  return { events, filter: f, nextBefore: more ? events[events.length - 1].id : null };
}

/** Distinct actions seen, for the filter's suggestions. */
export async function auditActions(db: DbTx): Promise<string[]> {
  const rows = await db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
