import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { PublishedRevisionCache } from "./published-revisions";
import { makePublicationHistory, makeUser } from "../../tests/helpers/factory";

const t = createTestDb();
afterAll(() => t.cleanup());
let writerId: string;
beforeAll(async () => {
  writerId = (await makeUser(t.db, { roles: ["WRITER"] })).id;
});

describe("PublishedRevisionCache", () => {
  it("knows live and once-published revisions, not unpublished or foreign ones", async () => {
    const cache = new PublishedRevisionCache();
    const { article, revisions } = await makePublicationHistory(t.db, {
      authorId: writerId,
      revisions: 3,
      publishedCount: 2,
    });
    const other = await makePublicationHistory(t.db, { authorId: writerId });
    expect(await cache.lookup(t.db, article.id, revisions[1].id)).toMatchObject({
      live: true,
      revisionSeen: true,
      slug: article.slug,
    });
    expect((await cache.lookup(t.db, article.id, revisions[0].id))?.revisionSeen).toBe(true);
    expect((await cache.lookup(t.db, article.id, revisions[2].id))?.revisionSeen).toBe(false);
    expect((await cache.lookup(t.db, article.id, other.article.liveRevisionId!))?.revisionSeen).toBe(false);
    expect(await cache.lookup(t.db, "missing", revisions[0].id)).toBeNull();
  });

  it("notices an unpublish once its entry expires", async () => {
    const cache = new PublishedRevisionCache(1000);
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    expect((await cache.lookup(t.db, article.id, article.liveRevisionId!, 0))?.live).toBe(true);
    await t.db.article.update({ where: { id: article.id }, data: { liveRevisionId: null, status: "UNPUBLISHED" } });
    expect((await cache.lookup(t.db, article.id, article.liveRevisionId!, 500))?.live).toBe(true); // within the TTL
    expect((await cache.lookup(t.db, article.id, article.liveRevisionId!, 1500))?.live).toBe(false);
  });

  it("treats an unpublished or archived status as not live even with a live revision set", async () => {
    const cache = new PublishedRevisionCache();
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    await t.db.article.update({ where: { id: article.id }, data: { status: "ARCHIVED" } });
    expect((await cache.lookup(t.db, article.id, article.liveRevisionId!))?.live).toBe(false);
  });
});
