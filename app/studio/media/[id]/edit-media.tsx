"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { ImageDetailsForm, ProcessingState, type MediaRecord } from "@/components/media/image-details-form";

export function EditMedia({ record, canEdit }: { record: MediaRecord; canEdit: boolean }) {
  const router = useRouter();
  const [deleteError, setDeleteError] = useState("");
  return (
    <>
      <ProcessingState record={record} />
      <ImageDetailsForm record={record} canEdit={canEdit} onSaved={() => router.refresh()} />
      {canEdit && (
        <div className="danger-zone">
          <button
            type="button"
            className="danger"
            onClick={async () => {
              if (!confirm("Delete this image from the library? Published revisions that showed it keep it.")) return;
              const res = await fetch(`/api/studio/media/${encodeURIComponent(record.id)}`, { method: "DELETE" });
              const body = (await res.json().catch(() => ({}))) as { error?: { message: string } };
              if (!res.ok) setDeleteError(body.error?.message ?? "The image was not deleted.");
              else router.push("/studio/media");
            }}
          >
            Delete image
          </button>
          {deleteError && (
            <p className="notice error" role="alert">
              {deleteError}
            </p>
          )}
        </div>
      )}
    </>
  );
}
