// Appends one event to the audit log. Call it with the transaction client of the state change it records,
// so the change and its event commit together or not at all.
//
// Keyed chain: with AUDIT_HMAC_KEY set (lib/audit/audit-key.ts), each event's hash is an HMAC under that key.
// A database that has unkeyed events from before keys existed is upgraded in place: the first keyed write (or
// ensureChainKeyed) appends an "audit.chain_keyed" event, itself keyed. Events before it
// verify the old way (plain sha256), that event and every later one must carry the key (lib/audit/verify-chain.ts).
import { createHash, createHmac } from "node:crypto";
import type { DbTx } from "../db/client";
import { auditKey, auditKeyId } from "./audit-key";

/** The event from which the chain is keyed. */
export const KEYED_FROM_ACTION = "audit.chain_keyed";

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

/** The unkeyed hash of an event: sha256 over the previous hash and the event's own fields, in a fixed order. */
export function hashAuditEvent(e: ChainedFields): string {
  return createHash("sha256").update(canonicalEvent(e)).digest("hex");
}

/** The keyed hash of an event: HMAC-SHA256 under the audit key over the same canonical form. */
export function hashAuditEventKeyed(e: ChainedFields, key: Buffer): string {
  return createHmac("sha256", key).update(canonicalEvent(e)).digest("hex");
}

function canonicalEvent(e: ChainedFields): string {
  return JSON.stringify([e.prevHash, e.at.toISOString(), e.actorId, e.action, e.entityType, e.entityId, e.dataJson]);
}

type StoredEvent = ChainedFields & { id: number; hash: string };

async function append(tx: DbTx, input: AuditEventInput, prevHash: string, key: Buffer | null) {
  const fields: ChainedFields = {
    at: new Date(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    dataJson: JSON.stringify(input.data ?? {}),
    prevHash,
  };
  const hash = key ? hashAuditEventKeyed(fields, key) : hashAuditEvent(fields);
  // prevHash is unique: two writers racing for the same predecessor cannot both succeed (no forked chain).
  return tx.auditEvent.create({ data: { ...fields, hash } });
}

/**
 * Appends the "keyed from here" event when the chain's last event is not keyed with `key` (or there is none).
 * `anchoredBy` says which path did it (the first keyed write, or the chain-format step of an upgrade).
 */
async function keyedHead(
  tx: DbTx,
  last: StoredEvent | null,
  key: Buffer,
  anchoredBy: "first keyed write" | "upgrade" = "first keyed write",
): Promise<{ hash: string; anchoredId: number | null }> {
  if (last && hashAuditEventKeyed(last, key) === last.hash) return { hash: last.hash, anchoredId: null };
  const marker = await append(
    tx,
    {
      actorId: null,
      action: KEYED_FROM_ACTION,
      entityType: "AuditLog",
      entityId: "chain",
      data: {
        keyId: auditKeyId(key),
        unkeyedBefore: last ? "earlier events verify unkeyed" : "none",
        ...(anchoredBy === "upgrade" ? { anchoredBy, unkeyedEvents: last?.id ?? 0 } : {}),
      },
    },
    last?.hash ?? GENESIS_HASH,
    key,
  );
  return { hash: marker.hash, anchoredId: marker.id };
}

export async function recordAuditEvent(tx: DbTx, input: AuditEventInput) {
  const key = auditKey();
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" } });
  if (key) return append(tx, input, (await keyedHead(tx, last, key)).hash, key);
  // Without the key, never extend a keyed chain with unkeyed events: that would break it for good.
  if (last && (await tx.auditEvent.count({ where: { action: KEYED_FROM_ACTION } })) > 0)
    throw new Error("The audit log is keyed but AUDIT_HMAC_KEY is not set: configure the key (see .env).");
  return append(tx, input, last?.hash ?? GENESIS_HASH, null);
}

/** Anchors the chain to the configured key now, so that a chain rebuilt without it is detected. */
export async function ensureChainKeyed(tx: DbTx): Promise<boolean> {
  const key = auditKey();
  if (!key) return false;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" } });
  await keyedHead(tx, last, key);
  return true;
}

/**
 * The upgrade path of ensureChainKeyed (lib/audit/upgrade-chain-format.ts): appends the keyed-from event to a
 * chain that has events but none keyed, and returns it; null when there is nothing to do (no key, no events,
 * or already keyed).
 */
export async function anchorUnkeyedChain(tx: DbTx): Promise<{ id: number; hash: string } | null> {
  const key = auditKey();
  if (!key) return null;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" } });
  if (!last) return null;
  if ((await tx.auditEvent.count({ where: { action: KEYED_FROM_ACTION } })) > 0) return null;
  const head = await keyedHead(tx, last, key, "upgrade");
  return head.anchoredId === null ? null : { id: head.anchoredId, hash: head.hash };
}
