// An admin verifies a pending credential, or rejects it with a reason. The reviewer is told either way.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotification } from "../notifications/queue-notification";
import { adminAccessFromOwner } from "./verifier-independence";

export const decideCredentialSchema = z.discriminatedUnion("decision", [
  z.object({ credentialId: z.string().min(1), decision: z.literal("VERIFY") }),
  z.object({
    credentialId: z.string().min(1),
    decision: z.literal("REJECT"),
    reason: z
      .string({ error: "Give the reason for rejecting." })
      .trim()
      .min(5, "Give the reason for rejecting (at least 5 characters).")
      .max(1000, "Keep the reason under 1000 characters."),
  }),
]);
export type DecideCredentialInput = z.output<typeof decideCredentialSchema>;

export async function decideCredential(db: Db, actor: Actor, input: DecideCredentialInput) {
  assertCan(actor, "credentials.verify", "verify credentials");
  const data = input;
  return db.$transaction(async (tx) => {
    const cred = await tx.credential.findUnique({ where: { id: data.credentialId } });
    if (!cred) throw new AppError("NOT_FOUND", "That credential does not exist.");
    if (cred.userId === actor.id)
      throw new AppError("FORBIDDEN", "You cannot verify your own credential; another admin must.");
    if (cred.status !== "PENDING")
      throw new AppError(
        "CONFLICT",
        `This credential was already ${cred.status === "VERIFIED" ? "verified" : "rejected"}.`,
      );
    const now = new Date();
    if (await adminAccessFromOwner(tx, actor.id, cred.userId, now))
      throw new AppError(
        "FORBIDDEN",
        "Another admin must decide on this credential: your admin access was granted by its owner less than 24 hours ago.",
      );
    if (data.decision === "VERIFY") {
      if (cred.expiresAt <= now)
        throw new AppError("CONFLICT", "This credential has expired; the reviewer must enter a current one.");
      const updated = await tx.credential.update({
        where: { id: cred.id },
        data: { status: "VERIFIED", verifiedById: actor.id, verifiedAt: now, rejectionReason: null },
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "credential.verified",
        entityType: "Credential",
        entityId: cred.id,
        data: { userId: cred.userId },
      });
      await queueNotification(tx, {
        userId: cred.userId,
        kind: "CREDENTIAL_VERIFIED",
        title: "Your credential was verified",
        body: `${cred.displayName}, ${cred.postNominals} — verified by ${actor.name}. You can now sign off reviews until ${cred.expiresAt.toISOString().slice(0, 10)}.`,
        link: "/studio/credential",
      });
      return updated;
    }
    const updated = await tx.credential.update({
      where: { id: cred.id },
      data: { status: "REJECTED", verifiedById: actor.id, verifiedAt: null, rejectionReason: data.reason },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "credential.rejected",
      entityType: "Credential",
      entityId: cred.id,
      data: { userId: cred.userId, reason: data.reason },
    });
    await queueNotification(tx, {
      userId: cred.userId,
      kind: "CREDENTIAL_REJECTED",
      title: "Your credential was not verified",
      body: `Reason: ${data.reason}. Correct it on your credential page and it will be checked again.`,
      link: "/studio/credential",
    });
    return updated;
  });
}
