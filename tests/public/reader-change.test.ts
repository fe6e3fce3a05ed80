// The one invalidation path (lib/public/reader-change.ts): an operation that changes what readers see moves the
// public change counter in its transaction and returns the Next cache tags as `readerChange`; the action and
// route wrappers expire them after commit and keep them from the browser; nothing else bumps the counter or
// expires tags by hand.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createTestDb } from "../helpers/test-db";
import { makeArticle } from "../helpers/factory";
import { approveDraft, makeTeam, publishDraft, setDraft, type Team } from "../helpers/publish-fixtures";
import { unpublishArticle } from "../../lib/publishing/unpublish-article";
import { archiveArticle } from "../../lib/publishing/archive-article";
import { publishDueArticles } from "../../lib/publishing/publish-due";
import { readPublicChange } from "../../lib/page-cache/public-change";
import { ARTICLES_TAG, articleTag, reviewerTag } from "../../lib/public/cache-tags";
import type { Actor } from "../../lib/auth/policy";

const expired = vi.hoisted(() => [] as string[]);
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("next/cache", () => ({ revalidateTag: (tag: string) => expired.push(tag) }));
vi.mock("../../app/_server/session", () => ({ getActor: async () => session.actor }));

const { action } = await import("../../app/_server/action");
const { internalRoute } = await import("../../app/_server/route");

const t = createTestDb();
afterAll(() => t.cleanup());
beforeEach(() => {
  expired.length = 0;
});

async function approvedArticle(team: Team, title: string) {
  const article = await makeArticle(t.db, { authorId: team.writer.id, title });
  await setDraft(t.db, article.id, { title });
  return { article, revision: await approveDraft(t.db, team, article.id) };
}

describe("operations return what readers see changed", () => {
  it("publishing, unpublishing and archiving a live article move the counter and name the pages", async () => {
    const team = await makeTeam(t.db);
    const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Gout" });
    await setDraft(t.db, article.id, { title: "Gout" });
    const pages = [ARTICLES_TAG, articleTag(article.slug), reviewerTag(team.reviewer.id)];

    let before = await readPublicChange(t.db);
    const published = await publishDraft(t.db, team, article.id);
    expect(await readPublicChange(t.db)).toBe(before + 1);
    expect(published.readerChange?.tags).toEqual(pages);

    before = await readPublicChange(t.db);
    const unpublished = await unpublishArticle(t.db, team.editor, { articleId: article.id, reason: "Out of date." });
    expect(await readPublicChange(t.db)).toBe(before + 1);
    expect(unpublished.readerChange?.tags).toEqual(pages);
  });

  it("archiving a live article names its pages; archiving a draft changes nothing readers see", async () => {
    const team = await makeTeam(t.db);
    const liveArticle = await makeArticle(t.db, { authorId: team.writer.id, title: "Eczema" });
    await setDraft(t.db, liveArticle.id, { title: "Eczema" });
    await publishDraft(t.db, team, liveArticle.id);
    const archivedLive = await archiveArticle(t.db, team.editor, { articleId: liveArticle.id });
    expect(archivedLive.readerChange?.tags).toEqual([
      ARTICLES_TAG,
      articleTag(liveArticle.slug),
      reviewerTag(team.reviewer.id),
    ]);

    const draft = await makeArticle(t.db, { authorId: team.writer.id, title: "Rosacea" });
    const before = await readPublicChange(t.db);
    const archivedDraft = await archiveArticle(t.db, team.editor, { articleId: draft.id });
    expect(archivedDraft.readerChange).toBeNull();
    expect(await readPublicChange(t.db)).toBe(before);
  });
});

describe("the wrappers expire the tags after commit", () => {
  it("action(): a publish through the wrapper expires its pages and the browser never sees the tags", async () => {
    const team = await makeTeam(t.db);
    const { article, revision } = await approvedArticle(team, "Psoriasis");
    session.actor = team.editor;
    const publish = action(
      { name: "test.publish", permission: "article.publish", schema: z.object({ articleId: z.string() }) },
      async (input, actor) => {
        const { publishArticle } = await import("../../lib/publishing/publish-article");
        const r = await publishArticle(t.db, actor, { articleId: input.articleId, revisionId: revision.id });
        return { slug: r.slug, readerChange: r.readerChange };
      },
    );
    const result = await publish({ articleId: article.id });
    expect(result).toEqual({ ok: true, data: { slug: article.slug } });
    expect(expired).toEqual([ARTICLES_TAG, articleTag(article.slug), reviewerTag(team.reviewer.id)]);
  });

  it("action(): a refused operation expires nothing", async () => {
    const team = await makeTeam(t.db);
    const draft = await makeArticle(t.db, { authorId: team.writer.id });
    session.actor = team.editor;
    const unpublish = action(
      { name: "test.unpublish", permission: "article.unpublish", schema: z.object({ articleId: z.string() }) },
      async (input, actor) => unpublishArticle(t.db, actor, { articleId: input.articleId, reason: "Not live." }),
    );
    const result = await unpublish({ articleId: draft.id });
    expect(result.ok).toBe(false);
    expect(expired).toEqual([]);
  });

  it("internalRoute(): the scheduler's run expires every published article's pages", async () => {
    const team = await makeTeam(t.db);
    const { article, revision } = await approvedArticle(team, "Urticaria");
    await t.db.article.update({
      where: { id: article.id },
      data: {
        scheduledPublishAt: new Date(Date.now() - 1000),
        scheduledRevisionId: revision.id,
        scheduledById: team.editor.id,
      },
    });
    const POST = internalRoute(
      { name: "test.due", authorised: (r) => r.headers.get("x-test") === "yes", failureMessage: "Failed." },
      async () => {
        const run = await publishDueArticles(t.db);
        return { published: run.published.map((p) => p.slug), readerChange: run.readerChange };
      },
    );
    const refused = await POST(new Request("http://localhost/x", { method: "POST" }));
    expect(refused.status).toBe(404);
    expect(expired).toEqual([]);

    const response = await POST(new Request("http://localhost/x", { method: "POST", headers: { "x-test": "yes" } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ published: [article.slug] });
    expect(expired).toEqual([ARTICLES_TAG, articleTag(article.slug), reviewerTag(team.reviewer.id)]);
  });
});

describe("no other way", () => {
  const ROOT = path.resolve(__dirname, "../..");
  const tracked = (...specs: string[]) =>
    execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", ...specs], {
      cwd: ROOT,
      encoding: "utf8",
    })
      .split("\n")
      .filter(Boolean)
      .sort();
  const code = (file: string) =>
    readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .filter((l) => !l.trim().startsWith("//") && !l.trim().startsWith("*"))
      .join("\n");
  const appAndLib = tracked("app", "lib", "server.ts").filter(
    (f) => /\.(ts|tsx)$/.test(f) && !/\.test\.ts$/.test(f) && !f.startsWith("lib/generated/"),
  );

  it("only changeWhatReadersSee moves the public change counter", () => {
    const bumping = appAndLib.filter((f) => /\bbumpPublicChange\(/.test(code(f)));
    expect(bumping).toEqual(["lib/page-cache/public-change.ts", "lib/public/reader-change.ts"]);
  });

  it("only the wrappers' expireReaderChange expires cache tags", () => {
    const expiring = appAndLib.filter((f) => /\b(revalidateTag|updateTag)\(/.test(code(f)));
    expect(expiring).toEqual(["app/_server/expire-reader-change.ts"]);
  });

  it("every action or route calling an operation that changes what readers see hands its readerChange on", () => {
    const operations = appAndLib
      .filter((f) => f.startsWith("lib/") && f !== "lib/public/reader-change.ts")
      .filter((f) => /from "\.\.?\/(?:\.\.\/)*(?:public\/)?reader-change"/.test(code(f)))
      .map((f) => `@/${f.replace(/\.ts$/, "")}`);
    expect(operations.length).toBeGreaterThanOrEqual(5);
    const callers = appAndLib.filter((f) => f.startsWith("app/") && operations.some((m) => code(f).includes(`"${m}"`)));
    expect(callers.length).toBeGreaterThanOrEqual(3);
    expect(callers.filter((f) => !/\breaderChange\b/.test(code(f)))).toEqual([]);
  });
});
