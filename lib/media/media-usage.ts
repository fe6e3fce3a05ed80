// Where media items are used: frozen revisions (RevisionImage rows, with whether the revision is live,
// approved or scheduled) and working drafts (bodies that place the item). One query each, for a whole page
// of items.
import type { DbTx } from "../db/client";
import { parseDocument } from "../content/document-schema";
import { imageMediaIds } from "../content/text";

export interface MediaUse {
  articleId: string;
  title: string;
  /** "draft" for the working copy, else the revision number. */
  revisionNumber: number | null;
  live: boolean;
  approved: boolean;
  scheduled: boolean;
}

export async function mediaUsage(db: DbTx, mediaIds: string[]): Promise<Map<string, MediaUse[]>> {
  const out = new Map<string, MediaUse[]>(mediaIds.map((id) => [id, []]));
  if (!mediaIds.length) return out;
  const [revisionUses, drafts] = await Promise.all([
    db.revisionImage.findMany({
      where: { mediaId: { in: mediaIds } },
      select: {
        mediaId: true,
        revision: {
          select: {
            number: true,
            title: true,
            articleId: true,
            liveOf: { select: { id: true } },
            article: { select: { scheduledRevisionId: true } },
            reviews: { where: { decision: "APPROVED", voidedAt: null }, select: { id: true }, take: 1 },
            id: true,
          },
        },
      },
      orderBy: { revision: { createdAt: "desc" } },
    }),
    db.workingDraft.findMany({
      where: { bodyJson: { contains: '"type":"image"' } },
      select: { articleId: true, title: true, bodyJson: true },
    }),
  ]);
  for (const use of revisionUses) {
    const r = use.revision;
    out.get(use.mediaId)?.push({
      articleId: r.articleId,
      title: r.title,
      revisionNumber: r.number,
      live: !!r.liveOf,
      approved: r.reviews.length > 0,
      scheduled: r.article.scheduledRevisionId === r.id,
    });
  }
  const wanted = new Set(mediaIds);
  for (const d of drafts) {
    let ids: string[];
    try {
      ids = imageMediaIds(parseDocument(d.bodyJson));
    } catch {
      continue;
    }
    for (const id of ids)
      if (wanted.has(id))
        out.get(id)!.push({
          articleId: d.articleId,
          title: d.title,
          revisionNumber: null,
          live: false,
          approved: false,
          scheduled: false,
        });
  }
  return out;
}
