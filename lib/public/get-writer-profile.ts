// A writer's public profile: only for someone who is an author of a live article (else null → 404), with
// their current declaration of interests.
import type { DbTx } from "../db/client";
import { currentDeclaration } from "../declarations/load-declarations";
import { HIDDEN_STATUSES } from "./live-filter";
import { isPublicId } from "./slug";
import type { PublicDeclaration, PublicWriterProfile } from "./types";

export async function getWriterProfile(db: DbTx, userId: string): Promise<PublicWriterProfile | null> {
  if (!isPublicId(userId)) return null;
  const authored = await db.articleAuthor.findMany({
    where: { userId, article: { liveRevisionId: { not: null }, status: { notIn: [...HIDDEN_STATUSES] } } },
    select: {
      user: { select: { name: true, bio: true } },
      article: { select: { slug: true, liveRevision: { select: { title: true } } } },
    },
  });
  if (!authored.length) return null;
  return {
    userId,
    name: authored[0].user.name,
    bio: authored[0].user.bio,
    articles: authored
      .map((a) => ({ slug: a.article.slug, title: a.article.liveRevision?.title ?? a.article.slug }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    declaration: await publicDeclaration(db, userId),
  };
}

/** A person's current declaration as readers see it (plain values, for the cache). */
export async function publicDeclaration(db: DbTx, userId: string): Promise<PublicDeclaration | null> {
  const d = await currentDeclaration(db, userId);
  return d
    ? { kinds: d.kinds, statement: d.statement, organisations: d.organisations, declaredAt: d.createdAt.toISOString() }
    : null;
}
