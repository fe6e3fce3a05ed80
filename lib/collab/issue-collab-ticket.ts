// A ticket for the co-editing server, only for someone who may edit the article's working copy (the same
// rule as autosave: its writers and editors; archived articles are read-only). It names the session it was
// minted under, so it stops working when that session ends.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import type { SessionClaim } from "../auth/user-sessions";
import { AppError } from "../errors";
import { assertCanEditArticle } from "../articles/article-access";
import { mintCollabTicket } from "./collab-token";

export interface CollabNodeAddress {
  host: string;
  port: number;
}

export interface CollabEndpoint {
  /** Public ws(s) URL when configured (COLLAB_PUBLIC_URL), else null: the browser uses its own origin's /collab,
   *  which server.ts hands to a co-editing node. */
  url: string | null;
  /** The co-editing nodes this app hands sockets to: COLLAB_NODES (host:port, comma-separated), else the one
   *  server on loopback at COLLAB_PORT (default: the app's port + 1). */
  nodes: CollabNodeAddress[];
}

/** Parses COLLAB_NODES ("10.0.0.5:3001,10.0.0.6:3001"); throws on an entry without a host and a port. */
export function parseCollabNodes(value: string): CollabNodeAddress[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.lastIndexOf(":");
      const host = entry.slice(0, colon).replace(/^\[(.*)\]$/, "$1");
      const port = Number(entry.slice(colon + 1));
      if (colon <= 0 || !host || !Number.isInteger(port) || port <= 0 || port > 65535)
        throw new Error(`COLLAB_NODES: "${entry}" is not HOST:PORT`);
      return { host, port };
    });
}

export function collabEndpoint(env: Record<string, string | undefined> = process.env): CollabEndpoint | null {
  if (env.COLLAB_DISABLED === "1") return null;
  const listed = env.COLLAB_NODES ? parseCollabNodes(env.COLLAB_NODES) : [];
  const nodes = listed.length
    ? listed
    : [{ host: "127.0.0.1", port: Number(env.COLLAB_PORT) || (Number(env.PORT) || 3000) + 1 }];
  return { url: env.COLLAB_PUBLIC_URL || null, nodes };
}

export async function issueCollabTicket(
  db: DbTx,
  actor: Actor,
  session: SessionClaim,
  articleId: string,
  secret: string,
) {
  if (session.userId !== actor.id) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  await assertCanEditArticle(db, actor, articleId);
  return {
    token: mintCollabTicket(secret, { ...session, articleId }),
    user: { id: actor.id, name: actor.name },
  };
}
