// Test data for the feedback tests: an editor, a writer, and a published article with revisions.
// Not used by the application.
import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";

let seq = 0;

export async function makeUser(db: Db, roles: string[], name = "Test User"): Promise<Actor> {
  seq++;
  const email = `user${seq}-${Date.now()}@example.test`;
  const user = await db.user.create({
    data: { email, name, passwordHash: "x", roles: { create: roles.map((role) => ({ role })) } },
  });
  return { id: user.id, name: user.name, email: user.email, status: user.status, roles };
}

/** An article with `revisions` frozen revisions; the first `publishedCount` were published, the last is live. */
export async function makeArticle(
  db: Db,
  authorId: string,
  opts: { revisions?: number; publishedCount?: number; title?: string } = {},
) {
  seq++;
  const revisions = opts.revisions ?? 1;
  const publishedCount = opts.publishedCount ?? 1;
  const article = await db.article.create({ data: { slug: `article-${seq}-${Date.now()}`, createdById: authorId } });
  const revs = [];
  for (let n = 1; n <= revisions; n++) {
    revs.push(
      await db.revision.create({
        data: {
          articleId: article.id,
          number: n,
          title: opts.title ?? `Article ${seq}`,
          summary: "s",
          bodyJson: "{}",
          referencesJson: "[]",
          contentHash: `hash-${seq}-${n}`,
          authorId,
        },
      }),
    );
  }
  for (let n = 1; n <= publishedCount; n++) {
    await db.publication.create({
      data: { articleId: article.id, revisionId: revs[n - 1].id, publishedById: authorId },
    });
  }
  const live = publishedCount > 0 ? revs[publishedCount - 1] : null;
  await db.article.update({
    where: { id: article.id },
    data: {
      liveRevisionId: live?.id ?? null,
      status: live ? "PUBLISHED" : "DRAFT",
      currentRevisionId: revs[revs.length - 1]?.id,
    },
  });
  return { article: { ...article, liveRevisionId: live?.id ?? null }, revisions: revs };
}
