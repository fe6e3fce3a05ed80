import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { createTestDb } from "../../tests/helpers/test-db";
import { makePublishedArticle, makeTeam } from "../../tests/helpers/publish-fixtures";
import { makeUser } from "../../tests/helpers/factory";
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
    expect(strFromU8(files[PACK_FILES.declarations])).toContain("Not recorded");
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
