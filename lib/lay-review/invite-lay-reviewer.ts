// An editor invites a lay reader (no account) to read one frozen revision. The link carries 32 random bytes;
// only their SHA-256 is stored (like the password reset links). The address is kept so the inviting editor can
// see whom they asked; nobody else is shown it. The mail goes through the outbox after commit.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { recordAuditEvent } from "../audit/record-event";
import { hashToken } from "../accounts/account-tokens";
import { queueMail, siteUrl } from "../notifications/queue-mail";
import { LAY_INVITE_LIFETIME_DAYS } from "./lay-review-questions";

export const inviteLayReviewerSchema = z.object({
  articleId: z.string().min(1, "The article is missing; reload the page."),
  revisionId: z.string().min(1, "The revision is missing; reload the page."),
  email: z.email({ error: "Enter the reader's e-mail address, like name@example.org." }).trim().toLowerCase().max(254),
  message: z.string().trim().max(1000, "Keep the message under 1000 characters.").default(""),
});
export type InviteLayReviewerInput = z.output<typeof inviteLayReviewerSchema>;

export function layReviewPath(token: string): string {
  return `/lay-review?token=${token}`;
}

export async function inviteLayReviewer(db: Db, actor: Actor, input: InviteLayReviewerInput, now: Date = new Date()) {
  assertCan(actor, "layreview.invite", "invite a lay reviewer");
  return db.$transaction(async (tx) => {
    const revision = await tx.revision.findUnique({
      where: { id: input.revisionId },
      select: { id: true, articleId: true, contentHash: true, number: true, title: true },
    });
    if (!revision || revision.articleId !== input.articleId)
      throw new AppError("NOT_FOUND", "That revision does not exist; reload the page.");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + LAY_INVITE_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
    const invite = await tx.layReviewInvite.create({
      data: {
        articleId: revision.articleId,
        revisionId: revision.id,
        contentHash: revision.contentHash,
        email: input.email,
        invitedById: actor.id,
        tokenHash: hashToken(token),
        expiresAt,
        createdAt: now,
      },
    });
    await queueMail(tx, {
      to: input.email,
      subject: `Would you read a health page for us? “${revision.title}”`,
      text: [
        `${actor.name} invites you to read a draft health information page, “${revision.title}”, and tell us`,
        "whether it is clear, complete and reassuring. You do not need an account; it takes about ten minutes.",
        input.message ? `\n${input.message}\n` : "",
        `Read and answer: ${siteUrl(layReviewPath(token))}`,
        "",
        `The link works once and until ${expiresAt.toISOString().slice(0, 10)}. Your name and address are not shown`,
        "to anyone but the editor who invited you, and never published.",
      ].join("\n"),
    });
    // The address is not written into the audit log: the log is read by admins, the address is for the inviter.
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "lay_review.invited",
      entityType: "Article",
      entityId: revision.articleId,
      data: { inviteId: invite.id, revisionId: revision.id, contentHash: revision.contentHash, expiresAt },
    });
    return { inviteId: invite.id, token, expiresAt };
  });
}
