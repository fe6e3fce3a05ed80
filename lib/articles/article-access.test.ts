import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { articleAccess, loadArticleAccess } from "./article-access";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("article access", () => {
  it("gives each person the flags the server enforces, for the article and for each comment", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const otherWriter = await makeUser(t.db, { roles: ["WRITER"] });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const commenter = await makeUser(t.db, { roles: ["REVIEWER"] });
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    const article = await makeArticle(t.db, { authorId: writer.id });
    const comment = { authorId: commenter.id };
    const access = async (who: typeof writer) => loadArticleAccess(t.db, who, article.id);

    const w = await access(writer);
    expect(w.may).toEqual({ read: true, edit: true, comment: false, answer: true });
    expect(w.onComment(comment)).toEqual({ reply: true, resolve: true });

    const e = await access(editor);
    expect(e.may).toMatchObject({ read: true, edit: true, answer: true });
    expect(e.onComment(comment)).toEqual({ reply: true, resolve: true });

    // A reviewer who did not write the comment may answer it but not resolve it; its author may.
    const r = await access(reviewer);
    expect(r.may).toEqual({ read: true, edit: false, comment: true, answer: false });
    expect(r.onComment(comment)).toEqual({ reply: true, resolve: false });
    expect((await access(commenter)).onComment(comment)).toEqual({ reply: true, resolve: true });

    const o = await access(otherWriter);
    expect(o.may).toEqual({ read: false, edit: false, comment: false, answer: false });
    expect(o.onComment(comment)).toEqual({ reply: false, resolve: false });

    expect((await access(admin)).may).toEqual({ read: true, edit: false, comment: false, answer: false });
  });

  it("a disabled account may do nothing, not even with its own comment", () => {
    const disabled = { id: "u1", name: "D", email: "d@x", status: "DISABLED", roles: ["EDITOR"] };
    const a = articleAccess(disabled, { isAuthor: true });
    expect(a.may).toEqual({ read: false, edit: false, comment: false, answer: false });
    expect(a.onComment({ authorId: "u1" })).toEqual({ reply: false, resolve: false });
  });
});
