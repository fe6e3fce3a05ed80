// The media library: newest first, searchable by alt text, caption, credit and licence, with where each
// image is used. A fixed number of queries per page (items with their file, then usage for the page).
import type { DbTx } from "../db/client";
import { LICENCE_CODES, licenceLabel } from "./licences";
import { mediaUsage, type MediaUse } from "./media-usage";
import { dialectFor } from "../db/dialects/dialect";

export const MEDIA_PAGE_SIZE = 48;

export interface MediaListItem {
  id: string;
  alt: string;
  caption: string;
  credit: string;
  sourceUrl: string | null;
  licence: string | null;
  licenceAgency: string;
  licenceLabel: string;
  clinical: boolean;
  consentOnFile: boolean;
  consentRecordedBy: string | null;
  consentRecordedAt: Date | null;
  originalName: string;
  ownerId: string;
  ownerName: string;
  status: string;
  width: number;
  height: number;
  createdAt: Date;
  uses: MediaUse[];
}

export async function listMedia(db: DbTx, opts: { query?: string; page?: number } = {}) {
  const q = (opts.query ?? "").trim().slice(0, 100);
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const { containsIgnoringCase } = dialectFor(db);
  const licenceMatches = q
    ? LICENCE_CODES.filter((c) => licenceLabel(c, "").toLowerCase().includes(q.toLowerCase()))
    : [];
  const where = {
    deletedAt: null,
    ...(q
      ? {
          OR: [
            { alt: containsIgnoringCase(q) },
            { caption: containsIgnoringCase(q) },
            { credit: containsIgnoringCase(q) },
            { licenceAgency: containsIgnoringCase(q) },
            ...(licenceMatches.length ? [{ licence: { in: licenceMatches } }] : []),
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.mediaItem.count({ where }),
    db.mediaItem.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * MEDIA_PAGE_SIZE,
      take: MEDIA_PAGE_SIZE,
      include: {
        file: { select: { status: true, width: true, height: true } },
        owner: { select: { name: true } },
        consentRecorder: { select: { name: true } },
      },
    }),
  ]);
  const usage = await mediaUsage(
    db,
    rows.map((r) => r.id),
  );
  const items: MediaListItem[] = rows.map((r) => ({
    id: r.id,
    alt: r.alt,
    caption: r.caption,
    credit: r.credit,
    sourceUrl: r.sourceUrl,
    licence: r.licence,
    licenceAgency: r.licenceAgency,
    licenceLabel: licenceLabel(r.licence, r.licenceAgency),
    clinical: r.clinical,
    consentOnFile: r.consentOnFile,
    consentRecordedBy: r.consentRecorder?.name ?? null,
    consentRecordedAt: r.consentRecordedAt,
    originalName: r.originalName,
    ownerId: r.ownerId,
    ownerName: r.owner.name,
    status: r.file.status,
    width: r.file.width,
    height: r.file.height,
    createdAt: r.createdAt,
    uses: usage.get(r.id) ?? [],
  }));
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)), query: q };
}

/** One item with its record and status, for the editor's polling and metadata form. */
export async function getMediaItem(db: DbTx, id: string) {
  const row = await db.mediaItem.findUnique({
    where: { id },
    include: {
      file: { select: { status: true, width: true, height: true, error: true } },
      consentRecorder: { select: { name: true } },
    },
  });
  if (!row || row.deletedAt) return null;
  return {
    id: row.id,
    ownerId: row.ownerId,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    sourceUrl: row.sourceUrl ?? "",
    licence: row.licence ?? "",
    licenceAgency: row.licenceAgency,
    clinical: row.clinical,
    consentOnFile: row.consentOnFile,
    consentRecordedBy: row.consentRecorder?.name ?? null,
    consentRecordedAt: row.consentRecordedAt?.toISOString() ?? null,
    originalName: row.originalName,
    status: row.file.status,
    error: row.file.error,
    width: row.file.width,
    height: row.file.height,
  };
}
