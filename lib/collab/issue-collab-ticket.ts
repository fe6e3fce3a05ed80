// A ticket for the co-editing server, only for someone who may edit the article's working copy (the same
// rule as autosave: its writers and editors; archived articles are read-only). It names the session it was
// minted under, so it stops working when that session ends.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import type { SessionClaim } from "../auth/user-sessions";
import { AppError } from "../errors";
import { assertCanEditArticle } from "../articles/article-access";
import { mintCollabTicket } from "./collab-token";

export interface CollabEndpoint {
  /** Public ws(s) URL when configured (COLLAB_PUBLIC_URL), else null: the browser uses its own origin's /collab,
   *  which server.ts hands to the co-editing server. */
  url: string | null;
  /** The co-editing server's port on loopback. */
  port: number;
}

export function collabEndpoint(env: NodeJS.ProcessEnv = process.env): CollabEndpoint | null {
  if (env.COLLAB_DISABLED === "1") return null;
  const port = Number(env.COLLAB_PORT) || (Number(env.PORT) || 3000) + 1;
  return { url: env.COLLAB_PUBLIC_URL || null, port };
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
