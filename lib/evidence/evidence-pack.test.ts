import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { createTestDb } from "../../tests/helpers/test-db";
import { approveDraft, makePublishedArticle, makeTeam, setDraft } from "../../tests/helpers/publish-fixtures";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { parseInput } from "../validation";
import { saveDeclaration, saveDeclarationSchema } from "../declarations/save-declaration";
import { updateArticleFunding } from "../declarations/article-funding";
import { inviteLayReviewer } from "../lay-review/invite-lay-reviewer";
import { submitLayReview } from "../lay-review/submit-lay-review";
import { publishArticle } from "../publishing/publish-article";
import { loadEvidencePack } from "./load-evidence-pack";
import { PACK_FILES, renderEvidencePack } from "./render-evidence-pack";
import { EVIDENCE_PACK_ACTION, streamEvidencePack } from "./stream-evidence-pack";

const t = createTestDb();
afterAll(() => t.cleanup());

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The relative links of an HTML file (no anchors within the page, no outside addresses). */
function fileLinks(html: string): string[] {
  return [...html.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]);
}

describe("evidence pack", () => {
  it("zips the published revision, its approval and the audit history; links resolve; its SHA-256 is audited", async () => {
    const team = await makeTeam(t.db);
    const published = await makePublishedArticle(t.db, team, { title: "Pack me" });
    const download = await streamEvidencePack(t.db, team.editor, published.articleId);
    expect(download.filename).toMatch(/^evidence-pack-article-[\w-]+-r1-[\d-]+\.zip$/);
    const bytes = await readAll(download.stream);
    const files = unzipSync(bytes);
    const index = strFromU8(files["index.html"]);
    for (const link of fileLinks(index)) expect(Object.keys(files), link).toContain(link);
    for (const name of Object.values(PACK_FILES)) expect(files[name], name).toBeDefined();
    expect(index).toContain("Pack me");
    expect(index).toContain("The audit chain verifies");
    // Nothing declared, funded or lay-reviewed for this article: the pack says which record is missing.
    const declarations = strFromU8(files[PACK_FILES.declarations]);
    expect(declarations).toContain("Not recorded: no one stated the article's funding and sponsorship");
    expect(declarations).toContain("No declaration in force");
    expect(declarations).toContain("None recorded: no lay reader reviewed this content.");
    const approvals = JSON.parse(strFromU8(files[PACK_FILES.approvals])) as Array<Record<string, unknown>>;
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ decision: "APPROVED", reviewer: team.reviewer.name });
    const events = JSON.parse(strFromU8(files[PACK_FILES.audit])) as Array<{ action: string; hash: string }>;
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["article.published", "review.approved"]));
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);

    const recorded = await t.db.auditEvent.findFirstOrThrow({
      where: { action: EVIDENCE_PACK_ACTION, entityId: published.articleId },
    });
    const data = JSON.parse(recorded.dataJson) as { sha256: string; bytes: number; chainVerified: boolean };
    expect(data.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(data.bytes).toBe(bytes.length);
    expect(data.chainVerified).toBe(true);
  });

  it("holds the funding as published, the declarations in force at approval and the lay reviews of the content", async () => {
    const team = await makeTeam(t.db);
    const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Declared" });
    await setDraft(t.db, article.id, { title: "Declared", blocks: ["Heart failure is common."] });
    const declare = (organisations: string[], statement: string) =>
      parseInput(saveDeclarationSchema, { none: false, kinds: ["PROFESSIONAL"], statement, organisations });
    await saveDeclaration(
      t.db,
      team.writer,
      parseInput(saveDeclarationSchema, { none: true, kinds: [], statement: "", organisations: [] }),
    );
    await saveDeclaration(t.db, team.reviewer, declare(["Bolt Ltd"], "Adviser to Bolt Ltd."));
    await updateArticleFunding(t.db, team.writer, {
      articleId: article.id,
      none: false,
      sources: [{ relation: "funder", name: "Heart Trust", detail: "unrestricted grant" }],
    });
    const revision = await approveDraft(t.db, team, article.id);
    const invite = await inviteLayReviewer(t.db, team.editor, {
      articleId: article.id,
      revisionId: revision.id,
      email: "reader@example.org",
      message: "",
    });
    await submitLayReview(t.db, invite.token, {
      understandable: "MOSTLY",
      missing: "What to eat.",
      worrying: "",
      readingEase: "EASY",
      livedExperience: "on",
      comments: "Helpful.",
    });
    await publishArticle(t.db, team.editor, { articleId: article.id, revisionId: revision.id });
    // Declared after the approval: not what was in force when the revision was approved.
    await saveDeclaration(t.db, team.reviewer, declare(["Later Corp"], "Joined Later Corp's board."));

    const files = renderEvidencePack(await loadEvidencePack(t.db, article.id));
    const html = files.find((f) => f.name === PACK_FILES.declarations)!.content;
    expect(html).toContain("As stated on the page when this revision was published.");
    expect(html).toContain("Funder: Heart Trust (unrestricted grant)");
    expect(html).toContain("Declarations of interest in force at approval");
    expect(html).toContain("Adviser to Bolt Ltd.");
    expect(html).toContain("Organisations: Bolt Ltd");
    expect(html).not.toContain("Later Corp");
    expect(html).toContain("Nothing to declare");
    expect(html).not.toContain("No declaration in force");
    expect(html).toContain("What to eat.");
    expect(html).not.toContain("reader@example.org");
  });

  it("is refused to writers and reviewers, and answers NOT_FOUND for an unknown article", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    await expect(streamEvidencePack(t.db, writer, "x")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(streamEvidencePack(t.db, reviewer, "x")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(streamEvidencePack(t.db, admin, "no-such-article")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("says so in the index when the audit chain does not verify", async () => {
    const team = await makeTeam(t.db);
    const published = await makePublishedArticle(t.db, team, { title: "Broken chain" });
    const pack = await loadEvidencePack(t.db, published.articleId);
    const index = renderEvidencePack({
      ...pack,
      chain: {
        ok: false,
        checked: 3,
        lastId: 3,
        keyedFromId: null,
        firstBroken: { id: 3, action: "review.approved", at: null, problem: "its stored hash does not match" },
      },
    }).find((f) => f.name === "index.html")!.content;
    expect(index).toContain("The audit chain does NOT verify: it breaks at event #3 (review.approved)");
  });
});
