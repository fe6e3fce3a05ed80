// Images in the editorial workflow: frozen into revisions (hash, HTML), edits of an image's record or bytes
// count as edits of the drafts that place it (voiding approvals), the gate item, deletion rules.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeApproval, makeArticle, makeRevision, makeUser, type TestUser } from "../helpers/factory";
import { jpegWithGps } from "../helpers/image-fixtures";
import { catchAppError } from "../helpers/catch-app-error";
import { uploadMedia } from "../../lib/media/upload-media";
import {
  UPDATE_MEDIA_INVALID,
  updateMedia,
  updateMediaSchema,
  type MediaMetadataFields,
} from "../../lib/media/update-media";
import { parseInput } from "../../lib/validation";
import { deleteMedia } from "../../lib/media/delete-media";
import { listMedia } from "../../lib/media/list-media";
import { FolderStorage } from "../../lib/media/storage";
import { drainMediaJobs } from "../../lib/media/media-jobs";
import { parseImagesJson } from "../../lib/content/image-snapshot";
import { loadGate } from "../../lib/gate/load-gate";
import { workingCopyHash } from "../../lib/workflow/load-transition-context";

const t = createTestDb();
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-media-"));
const storage = new FolderStorage(dir);
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

let writer: TestUser, editor: TestUser, other: TestUser, reviewer: TestUser;
beforeAll(async () => {
  writer = await makeUser(t.db, { roles: ["WRITER"], name: "Wendy Writer" });
  editor = await makeUser(t.db, { roles: ["EDITOR"], name: "Eddie Editor" });
  other = await makeUser(t.db, { roles: ["WRITER"], name: "Olga Other" });
  reviewer = await makeUser(t.db, { roles: ["REVIEWER"], name: "Dr Rev" });
});

/** What the route does: the record, with the media id from the URL, parsed once by the operation's schema. */
const update = async (actor: TestUser, mediaId: string, fields: MediaMetadataFields) =>
  updateMedia(t.db, actor, parseInput(updateMediaSchema, { ...fields, mediaId }, UPDATE_MEDIA_INVALID));

const record = (over: Partial<MediaMetadataFields> = {}): MediaMetadataFields => ({
  alt: "Firm white nodules on the fingertips of an adult",
  caption: "Calcinosis cutis on the fingers.",
  credit: "Dr A. Example",
  sourceUrl: "",
  licence: "OWN_WORK",
  clinical: true,
  consentOnFile: true,
  ...over,
});

async function readyImage(width = 1000, fileName = "photo.jpg") {
  const up = await uploadMedia(t.db, storage, writer, { bytes: await jpegWithGps(width, 600), fileName });
  await drainMediaJobs(t.db, storage);
  return up.id;
}

const bodyWith = (mediaId: string) =>
  JSON.stringify({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Before the image." }] },
      { type: "image", attrs: { mediaId } },
    ],
  });

async function articleShowing(mediaId: string) {
  const article = await makeArticle(t.db, { authorId: writer.id });
  await t.db.workingDraft.update({ where: { articleId: article.id }, data: { bodyJson: bodyWith(mediaId) } });
  return article;
}

describe("image records", () => {
  it("refuse empty, file-name-like and “image of…” alt text, bad source URLs and agency-less licences", async () => {
    const id = await readyImage();
    for (const [alt, message] of [
      ["", /Alt text is required/],
      ["IMG_2041.jpg", /looks like a file name/],
      ["DSC00123", /looks like a file name/],
      ["Image of a lesion on the hand", /Don't start with “image of…”/],
      ["photo showing nodules", /Don't start with “image of…”/],
    ] as const) {
      const err = await catchAppError(update(writer, id, record({ alt })));
      expect(err.fieldErrors?.alt?.[0]).toMatch(message);
    }
    const err = await catchAppError(
      update(writer, id, record({ sourceUrl: "javascript:alert(1)", licence: "LICENSED" })),
    );
    expect(err.fieldErrors?.sourceUrl?.[0]).toMatch(/http/);
    expect(err.fieldErrors?.licenceAgency?.[0]).toMatch(/agency/);
    expect((await t.db.mediaItem.findUniqueOrThrow({ where: { id } })).alt).toBe("");
  });

  it("audits edits and records who recorded consent and when; only the uploader or an editor may edit", async () => {
    const id = await readyImage();
    await update(writer, id, record());
    const item = await t.db.mediaItem.findUniqueOrThrow({ where: { id } });
    expect(item).toMatchObject({ consentOnFile: true, consentRecordedById: writer.id });
    expect(item.consentRecordedAt).toBeInstanceOf(Date);
    expect(await t.db.auditEvent.count({ where: { entityId: id, action: "media.updated" } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { entityId: id, action: "media.consent_recorded" } })).toBe(1);
    expect((await catchAppError(update(other, id, record({ caption: "x" })))).code).toBe("FORBIDDEN");
    await update(editor, id, record({ consentOnFile: false }));
    expect(await t.db.auditEvent.count({ where: { entityId: id, action: "media.consent_withdrawn" } })).toBe(1);
  });
});

describe("images in revisions", () => {
  it("freezes the image record into the revision: HTML with picture/srcset/size, hash covering alt text and bytes", async () => {
    const id = await readyImage(2000);
    await update(writer, id, record());
    const article = await articleShowing(id);
    const hashBefore = await workingCopyHash(t.db, article.id);
    const rev = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    expect(rev.contentHash).toBe(hashBefore);
    const [snap] = parseImagesJson(rev.imagesJson);
    expect(snap).toMatchObject({ mediaId: id, alt: record().alt, licence: "OWN_WORK", width: 2000, height: 600 });
    expect(rev.bodyHtml).toMatch(
      /<figure class="article-image"><picture><source type="image\/avif" srcset="\/media\/[0-9a-f]{64}\.avif 480w, [^"]+ 960w, [^"]+ 1600w"/,
    );
    expect(rev.bodyHtml).toMatch(
      /<img src="\/media\/[0-9a-f]{64}\.jpg" srcset="[^"]+" sizes="[^"]+" width="1600" height="480" alt="Firm white nodules[^"]*"/,
    );
    expect(rev.bodyHtml).toContain("<figcaption>");
    expect(rev.bodyHtml).toContain("Dr A. Example");
    expect(await t.db.revisionImage.count({ where: { revisionId: rev.id, mediaId: id } })).toBe(1);

    // Changing only the alt text changes the draft's hash.
    await update(writer, id, record({ alt: "Chalky nodules on two fingertips" }));
    expect(await workingCopyHash(t.db, article.id)).not.toBe(hashBefore);
  });

  it("refuses to freeze while an image is still being processed", async () => {
    const up = await uploadMedia(t.db, storage, writer, { bytes: await jpegWithGps(700, 500), fileName: "p.jpg" });
    const article = await articleShowing(up.id);
    const err = await catchAppError(makeRevision(t.db, { articleId: article.id, authorId: writer.id }));
    expect(err.message).toMatch(/still being processed/);
    await drainMediaJobs(t.db, storage);
  });

  it("editing the alt text or replacing the file of a placed image voids the approval", async () => {
    const id = await readyImage();
    await update(writer, id, record());
    const article = await articleShowing(id);
    const rev = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    await makeApproval(t.db, { revisionId: rev.id, reviewerId: reviewer.id });
    await t.db.article.update({ where: { id: article.id }, data: { status: "APPROVED" } });

    const result = await update(editor, id, record({ alt: "Nodules on the index finger" }));
    expect(result.voided).toEqual([article.id]);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
    expect((await t.db.review.findFirstOrThrow({ where: { revisionId: rev.id } })).voidedAt).toBeInstanceOf(Date);
    const draft = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(JSON.parse(draft.editorIds)).toContain(editor.id);

    // Again approved, then the file is replaced.
    const rev2 = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    await makeApproval(t.db, { revisionId: rev2.id, reviewerId: reviewer.id });
    await t.db.article.update({ where: { id: article.id }, data: { status: "APPROVED" } });
    const replaced = await uploadMedia(t.db, storage, writer, {
      bytes: await jpegWithGps(900, 600),
      fileName: "better.jpg",
      replaceMediaId: id,
    });
    expect(replaced).toMatchObject({ id, replaced: true });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
    expect(await t.db.auditEvent.count({ where: { entityId: id, action: "media.file_replaced" } })).toBe(1);
    // The old revision keeps its own bytes.
    const old = parseImagesJson((await t.db.revision.findUniqueOrThrow({ where: { id: rev2.id } })).imagesJson)[0];
    const now = await t.db.mediaItem.findUniqueOrThrow({ where: { id }, include: { file: true } });
    expect(old.fileSha256).not.toBe(now.file.sha256);
    await drainMediaJobs(t.db, storage);
  });
});

describe("the publish gate's image item", () => {
  it("fails for a clinical photograph without consent or an image without alt text or licence; passes once recorded", async () => {
    const id = await readyImage();
    const article = await articleShowing(id);
    await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    const gate1 = await loadGate(t.db, article.id);
    const item1 = gate1!.items.find((i) => i.key === "images")!;
    expect(item1.state).toBe("failed");
    expect(item1.reason).toMatch(/1 image has no alt text\. No licence recorded for image/);

    await update(writer, id, record({ consentOnFile: false }));
    await makeRevision(t.db, { articleId: article.id, authorId: writer.id, changeSummary: "alt text" });
    const item2 = (await loadGate(t.db, article.id))!.items.find((i) => i.key === "images")!;
    expect(item2.reason).toMatch(/No patient consent on file for the clinical photograph “Firm white nodules/);

    // Consent recorded after freezing counts without a new revision (it is not content).
    await update(writer, id, record({ consentOnFile: true }));
    const item3 = (await loadGate(t.db, article.id))!.items.find((i) => i.key === "images")!;
    expect(item3.state).toBe("passed");
    expect(item3.reason).toMatch(/consent on file for 1 clinical photograph/);
  });
});

describe("the media library", () => {
  it("searches by alt text, caption, credit and licence and shows where an image is used", async () => {
    const id = await readyImage();
    await update(
      writer,
      id,
      record({
        alt: "Xanthoma near the eyelid",
        caption: "Seen in clinic",
        credit: "Zed Photo",
        licence: "CC_BY_SA_4",
      }),
    );
    const article = await articleShowing(id);
    await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    for (const q of ["xanthoma", "seen in clinic", "zed photo", "BY-SA"]) {
      const { items } = await listMedia(t.db, { query: q });
      expect(items.map((i) => i.id)).toContain(id);
    }
    const { items } = await listMedia(t.db, { query: "xanthoma" });
    expect(items[0].uses.map((u) => u.revisionNumber)).toEqual([1, null]);
  });

  it("refuses to delete an image a live or approved revision uses, or a draft places; else keeps its files", async () => {
    const id = await readyImage();
    await update(writer, id, record());
    const article = await articleShowing(id);
    const rev = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    await t.db.article.update({ where: { id: article.id }, data: { liveRevisionId: rev.id } });
    expect((await catchAppError(deleteMedia(t.db, writer, id))).message).toMatch(/revision 1 \(live\) shows it/);
    await t.db.article.update({ where: { id: article.id }, data: { liveRevisionId: null } });
    expect((await catchAppError(deleteMedia(t.db, writer, id))).message).toMatch(/placed in the draft/);
    await t.db.workingDraft.update({
      where: { articleId: article.id },
      data: { bodyJson: JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] }) },
    });
    expect((await catchAppError(deleteMedia(t.db, other, id))).code).toBe("FORBIDDEN");
    await deleteMedia(t.db, writer, id);
    expect((await t.db.mediaItem.findUniqueOrThrow({ where: { id } })).deletedAt).toBeInstanceOf(Date);
    // The revision that used it still has its variants.
    const [snap] = parseImagesJson(rev.imagesJson);
    for (const v of snap.variants) expect(await storage.exists(v.sha256)).toBe(true);
  });
});
