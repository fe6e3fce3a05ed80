// The media library: every image with its record and where it is used, searchable by alt text, caption,
// credit and licence; uploading from here too. Works without JavaScript except the upload itself.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/app/_server/session";
import { listMedia } from "@/lib/media/list-media";
import { MediaUploader } from "./media-uploader";
import "./media.css";

export const metadata: Metadata = { title: "Media library" };

const when = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });

export default async function MediaLibraryPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const actor = await requirePermission("media.library", "/studio/media");
  const sp = await searchParams;
  const { items, total, page, pageCount, query } = await listMedia(db, {
    query: sp.q ?? "",
    page: Number.parseInt(sp.page ?? "1", 10) || 1,
  });
  const canUpload = can(actor, "media.upload");
  return (
    <>
      <h1>Media library</h1>
      <p>
        Images for articles. Accepted: JPEG, PNG, WebP, AVIF and GIF (first frame), up to 20 MB and 40 megapixels. SVG
        is not accepted (an SVG file can carry scripts): export drawings as PNG or WebP. Location and camera data are
        removed from everything readers get.
      </p>
      {canUpload && <MediaUploader />}
      <section className="panel" aria-labelledby="media-list-heading">
        <h2 id="media-list-heading">
          Images ({total}){query ? ` matching “${query}”` : ""}
        </h2>
        <form role="search" method="get" action="/studio/media" className="media-search">
          <label htmlFor="media-q">Search alt text, caption, credit or licence</label>
          <input id="media-q" name="q" type="search" defaultValue={query} />{" "}
          <button type="submit" className="secondary">
            Search
          </button>
        </form>
        {items.length === 0 ? (
          <p className="empty">{query ? "No image matches this search." : "No images yet."}</p>
        ) : (
          <ul className="media-grid" data-testid="media-list">
            {items.map((m) => (
              <li key={m.id} className="media-card" data-media-id={m.id}>
                <img
                  src={`/api/studio/media/${m.id}/preview`}
                  alt={m.alt || "No alt text yet"}
                  width={240}
                  height={Math.max(1, Math.round((240 * m.height) / Math.max(1, m.width)))}
                  loading="lazy"
                />
                <div className="media-meta">
                  <p className="media-alt">{m.alt || <em>No alt text yet</em>}</p>
                  {m.caption && <p>{m.caption}</p>}
                  <p className="field-hint">
                    {m.licenceLabel || <strong className="warn-text">No licence</strong>}
                    {m.credit ? ` · ${m.credit}` : ""}
                    {m.clinical
                      ? m.consentOnFile
                        ? ` · Consent on file (recorded by ${m.consentRecordedBy ?? "?"}${m.consentRecordedAt ? `, ${when(m.consentRecordedAt)}` : ""})`
                        : " · Clinical photograph: no consent on file"
                      : ""}
                  </p>
                  <p className="field-hint">
                    {m.width} × {m.height} px · {m.status === "READY" ? "ready" : m.status.toLowerCase()} · uploaded by{" "}
                    {m.ownerName} on {when(m.createdAt)}
                  </p>
                  <details>
                    <summary>
                      Used in {m.uses.length} place{m.uses.length === 1 ? "" : "s"}
                    </summary>
                    {m.uses.length === 0 ? (
                      <p className="field-hint">Not used in any article.</p>
                    ) : (
                      <ul>
                        {m.uses.map((u, i) => (
                          <li key={i}>
                            <Link href={`/studio/articles/${u.articleId}`}>{u.title || "Untitled"}</Link>{" "}
                            {u.revisionNumber === null
                              ? "(working draft)"
                              : `(revision ${u.revisionNumber}${u.live ? ", live" : ""}${u.approved ? ", approved" : ""}${u.scheduled ? ", scheduled" : ""})`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </details>
                  {(m.ownerId === actor.id || can(actor, "media.edit.any")) && (
                    <Link href={`/studio/media/${m.id}`}>Edit details</Link>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {pageCount > 1 && (
          <nav aria-label="Pages" className="pager">
            {page > 1 && <Link href={`/studio/media?q=${encodeURIComponent(query)}&page=${page - 1}`}>Previous</Link>}{" "}
            Page {page} of {pageCount}{" "}
            {page < pageCount && (
              <Link href={`/studio/media?q=${encodeURIComponent(query)}&page=${page + 1}`}>Next</Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
