// Gives the demo article three images the way the studio would: the demo writer uploads three photographs
// (type and pixel checks, storage, variant job run here), records alt text, caption, credit and licence,
// places them in the working copy (one after the opening paragraphs, two further down), and submits; the demo
// reviewer approves and the demo editor publishes through the gate. Used by `npm run check:public -- --images`
// so Lighthouse measures a reader's page with images.
import sharp from "sharp";
import type { Db } from "../../lib/db/client";
import type { Actor } from "../../lib/auth/policy";
import type { MediaStorage } from "../../lib/media/storage";
import { uploadMedia } from "../../lib/media/upload-media";
import { drainMediaJobs } from "../../lib/media/media-jobs";
import { updateMedia, updateMediaSchema } from "../../lib/media/update-media";
import { parseInput } from "../../lib/validation";
import { loadDraftSnapshot, saveDraft } from "../../lib/drafts/save-draft";
import { submitArticle } from "../../lib/workflow/submit-article";
import { approveRevision } from "../../lib/review/decide-review";
import { publishArticle } from "../../lib/publishing/publish-article";
import { afterRevisionFrozen } from "../../lib/revisions/after-freeze";
import { DEMO_USERS, seedDemoUsers } from "../../prisma/seed-users";
import { DEMO_ARTICLE_SLUG } from "../../prisma/demo/calcinosis-cutis";

const IMAGES = [
  {
    size: [2400, 1600],
    hue: 10,
    alt: "Firm white papules on the tip of an index finger, some with a chalky surface",
    caption: "Calcinosis cutis on a fingertip.",
  },
  {
    size: [1800, 1200],
    hue: 215,
    alt: "Plain X-ray of a hand showing dense white calcium deposits in the soft tissue of two fingers",
    caption: "Calcium deposits show as dense white areas on an X-ray.",
  },
  {
    size: [1600, 1200],
    hue: 25,
    alt: "A small healed scar on the forearm where a calcium deposit was removed",
    caption: "After surgical removal of a deposit.",
  },
] as const;

/**
 * A photograph-like JPEG: hundreds of soft shapes at every scale (so, like a photo, it keeps detail when scaled
 * down: about 30 KB as a 960 px AVIF, 60 KB as JPEG) and fine grain. Deterministic for a given seed.
 */
async function photograph(width: number, height: number, hue: number, seed: number): Promise<Buffer> {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const shapes = Array.from({ length: 600 }, () => {
    const [x, y, r] = [random() * width, random() * height, 4 + random() ** 3 * 200].map(Math.round);
    const fill = `hsl(${Math.round(hue + random() * 30)},${Math.round(30 + random() * 40)}%,${Math.round(35 + random() * 50)}%)`;
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" fill-opacity="${(0.3 + random() * 0.6).toFixed(2)}"/>`;
  }).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="hsl(${hue},45%,45%)"/>${shapes}</svg>`;
  const grain = await sharp({
    create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 14 } },
  })
    .blur(0.6)
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: grain, blend: "overlay" }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

function actorOf(user: { id: string; name: string; email: string }, roles: readonly string[]): Actor {
  return { id: user.id, name: user.name, email: user.email, status: "ACTIVE", roles: [...roles] };
}

export async function addDemoImages(db: Db, storage: MediaStorage): Promise<{ slug: string; images: number }> {
  const people = await seedDemoUsers(db);
  const writer = actorOf(people.writer, DEMO_USERS.writer.roles);
  const reviewer = actorOf(people.reviewer, DEMO_USERS.reviewer.roles);
  const editor = actorOf(people.editor, DEMO_USERS.editor.roles);
  const article = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE_SLUG } });

  const mediaIds: string[] = [];
  for (const [i, image] of IMAGES.entries()) {
    const bytes = await photograph(image.size[0], image.size[1], image.hue, i + 7);
    const uploaded = await uploadMedia(db, storage, writer, { bytes, fileName: `calcinosis-${i + 1}.jpg` });
    await updateMedia(
      db,
      writer,
      parseInput(updateMediaSchema, {
        mediaId: uploaded.id,
        alt: image.alt,
        caption: image.caption,
        credit: "Imprimatur demo photograph",
        licence: "CC_BY_4",
        clinical: false,
      }),
    );
    mediaIds.push(uploaded.id);
  }
  await drainMediaJobs(db, storage);

  const draft = await loadDraftSnapshot(db, article.id);
  const blocks = [...(draft.bodyJson.content ?? [])];
  const node = (mediaId: string) => ({ type: "image" as const, attrs: { mediaId } });
  // After the opening paragraphs (near the top of the page), in the middle, and towards the end.
  const at = [2, Math.floor(blocks.length / 2), blocks.length - 2].map((n) => Math.max(1, Math.min(n, blocks.length)));
  for (const [k, index] of [...at.entries()].reverse()) blocks.splice(index, 0, node(mediaIds[k]));
  await saveDraft(db, writer, {
    articleId: article.id,
    baseVersion: draft.version,
    title: draft.title,
    summary: draft.summary,
    conditionName: draft.conditionName,
    body: { ...draft.bodyJson, content: blocks },
  });

  const submitted = await submitArticle(db, writer, { articleId: article.id, changeSummary: "Added three images" });
  const revision = await db.revision.findUniqueOrThrow({ where: { id: submitted.revisionId } });
  await afterRevisionFrozen(db, revision.id);
  await approveRevision(db, reviewer, {
    articleId: article.id,
    revisionId: revision.id,
    contentHash: revision.contentHash,
    attest: true,
  });
  await publishArticle(db, editor, { articleId: article.id, revisionId: revision.id });
  return { slug: article.slug, images: mediaIds.length };
}
