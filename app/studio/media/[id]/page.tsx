// One image: its record (editable by its uploader or an editor), where it is used, and deletion (refused
// while a live, approved or scheduled revision or a draft shows it).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/app/_server/session";
import { getMediaItem } from "@/lib/media/list-media";
import { mediaUsage } from "@/lib/media/media-usage";
import { EditMedia } from "./edit-media";
import "../media.css";

export const metadata: Metadata = { title: "Image details" };

export default async function MediaItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("media.library", `/studio/media/${id}`);
  const item = await getMediaItem(db, id);
  if (!item) notFound();
  const uses = (await mediaUsage(db, [id])).get(id) ?? [];
  const canEdit = item.ownerId === actor.id || can(actor, "media.edit.any");
  return (
    <>
      <p>
        <Link href="/studio/media">← Media library</Link>
      </p>
      <h1>Image details</h1>
      <div className="media-item-layout">
        <img
          src={`/api/studio/media/${id}/preview`}
          alt={item.alt || "No alt text yet"}
          width={480}
          height={Math.max(1, Math.round((480 * item.height) / Math.max(1, item.width)))}
        />
        <div>
          <EditMedia record={{ ...item, consentRecordedAt: item.consentRecordedAt }} canEdit={canEdit} />
          <h2>Where it is used</h2>
          {uses.length === 0 ? (
            <p className="empty">Not used in any article.</p>
          ) : (
            <ul>
              {uses.map((u, i) => (
                <li key={i}>
                  <Link href={`/studio/articles/${u.articleId}`}>{u.title || "Untitled"}</Link>{" "}
                  {u.revisionNumber === null
                    ? "(working draft)"
                    : `(revision ${u.revisionNumber}${u.live ? ", live" : ""}${u.approved ? ", approved" : ""})`}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </>
  );
}
