// Appends one event to the audit log. Call it with the transaction client of the state change it records,
// so the change and its event commit together or not at all.
import { createHash } from "node:crypto";
import type { DbTx } from "../db/client";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEventInput {
  actorId: string | null;
  action: string; // e.g. "article.submitted"
  entityType: string; // e.g. "Article"
  entityId: string;
  data?: Record<string, unknown>;
}

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  dataJson: string;
  prevHash: string;
}

/** The hash of an event: sha256 over the previous hash and the event's own fields, in a fixed order. */
export function hashAuditEvent(e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.prevHash,
    e.at.toISOString(),
    e.actorId,
    e.action,
    e.entityType,
    e.entityId,
    e.dataJson,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export async function recordAuditEvent(tx: DbTx, input: AuditEventInput) {
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const fields: ChainedFields = {
    at: new Date(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    dataJson: JSON.stringify(input.data ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  // prevHash is unique: two writers racing for the same predecessor cannot both succeed (no forked chain).
  return tx.auditEvent.create({ data: { ...fields, hash: hashAuditEvent(fields) } });
}
