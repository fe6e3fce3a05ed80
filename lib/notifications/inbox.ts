// The in-app inbox: a person's notifications, newest first, and marking them read.
import { z } from "zod";
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";

export async function listInbox(db: DbTx, userId: string, opts: { unreadOnly?: boolean; take?: number } = {}) {
  return db.notification.findMany({
    where: { userId, ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
  });
}

export async function unreadCount(db: DbTx, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks one notification (or all, with id "all") read. Only the owner may. */
export const markReadSchema = z.object({ id: z.string().min(1, "Choose a notification.") });
export type MarkReadInput = z.output<typeof markReadSchema>;

/** Marks one of the actor's notifications read, or all of them with id "all". */
export async function markRead(db: DbTx, actor: Actor, input: MarkReadInput): Promise<number> {
  const { id } = input;
  const userId = actor.id;
  if (id === "all")
    return (await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } })).count;
  const n = await db.notification.findUnique({ where: { id } });
  if (!n || n.userId !== userId) throw new AppError("NOT_FOUND", "That notification does not exist.");
  if (!n.readAt) await db.notification.update({ where: { id }, data: { readAt: new Date() } });
  return 1;
}

export async function listOutbox(db: DbTx, opts: { take?: number } = {}) {
  return db.outboxMail.findMany({ orderBy: { createdAt: "desc" }, take: opts.take ?? 200 });
}
