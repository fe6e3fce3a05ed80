// Minimal users/articles for integration tests of the editor's lib functions.
import type { Db } from "../../lib/db/client";

let seq = 0;

export async function makeUser(db: Db, roles: string[] = ["WRITER"], name = "Test User") {
  seq += 1;
  return db.user.create({
    data: {
      email: `u${seq}-${Date.now()}@example.test`,
      name,
      passwordHash: "x",
      roles: { create: roles.map((role) => ({ role })) },
    },
    include: { roles: true },
  });
}

export function actorOf(user: { id: string; name: string; email: string; status: string; roles: { role: string }[] }) {
  return { id: user.id, name: user.name, email: user.email, status: user.status, roles: user.roles.map((r) => r.role) };
}

export async function makeArticle(
  db: Db,
  authorId: string,
  opts: { title?: string; bodyJson?: string; status?: string; editorIds?: string[] } = {},
) {
  seq += 1;
  return db.article.create({
    data: {
      slug: `article-${seq}-${Date.now()}`,
      status: opts.status ?? "DRAFT",
      createdById: authorId,
      authors: { create: [{ userId: authorId }] },
      draft: {
        create: {
          title: opts.title ?? "A title",
          bodyJson:
            opts.bodyJson ??
            JSON.stringify({
              type: "doc",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Hello world" }] }],
            }),
          editorIds: JSON.stringify(opts.editorIds ?? [authorId]),
        },
      },
    },
  });
}
