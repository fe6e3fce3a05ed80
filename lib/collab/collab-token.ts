// Short-lived tickets for the co-editing server. The studio (which knows the session) mints one for a person,
// their session and one article; the collaboration server (a separate process, which cannot read next-auth's
// cookie) verifies its HMAC with the same server secret, then checks in the database that the session is still
// open (lib/users/load-actor.ts) and that the person may edit, on connect and while the socket is open.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { SessionClaim } from "../auth/user-sessions";

export interface CollabTicket extends SessionClaim {
  articleId: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

export const COLLAB_TICKET_TTL_MS = 10 * 60_000;

/** The Yjs document name of an article's working draft. */
export const documentNameFor = (articleId: string) => `article:${articleId}`;
export function articleIdOf(documentName: string): string | null {
  const m = /^article:([A-Za-z0-9_-]{1,64})$/.exec(documentName);
  return m ? m[1] : null;
}

const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");

export function mintCollabTicket(
  secret: string,
  ticket: Omit<CollabTicket, "exp">,
  now = Date.now(),
  ttlMs = COLLAB_TICKET_TTL_MS,
): string {
  const payload = Buffer.from(JSON.stringify({ ...ticket, exp: now + ttlMs })).toString("base64url");
  return `${payload}.${sign(secret, `collab.${payload}`)}`;
}

/** The ticket, if its signature is right, it has not expired and it is for `documentName`; else null. */
export function verifyCollabTicket(secret: string, token: string, documentName: string, now = Date.now()) {
  const [payload, signature, extra] = String(token).split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, `collab.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let ticket: CollabTicket;
  try {
    ticket = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as CollabTicket;
  } catch {
    return null;
  }
  if (
    typeof ticket.userId !== "string" ||
    typeof ticket.sessionId !== "string" ||
    typeof ticket.sessionVersion !== "number" ||
    typeof ticket.articleId !== "string" ||
    typeof ticket.exp !== "number"
  )
    return null;
  if (ticket.exp < now) return null;
  if (documentNameFor(ticket.articleId) !== documentName) return null;
  return ticket;
}
