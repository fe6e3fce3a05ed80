"use client";
import { useRouter } from "next/navigation";
import { useJsonMutation } from "@/components/studio/use-json-mutation";
import { ConfirmStep } from "@/components/studio/confirm-step";
import { ImageDetailsForm, ProcessingState, type MediaRecord } from "@/components/media/image-details-form";

export function EditMedia({ record, canEdit }: { record: MediaRecord; canEdit: boolean }) {
  const router = useRouter();
  const { busy, error: deleteError, send } = useJsonMutation();
  return (
    <>
      <ProcessingState record={record} />
      <ImageDetailsForm record={record} canEdit={canEdit} onSaved={() => router.refresh()} />
      {canEdit && (
        <div className="danger-zone">
          <ConfirmStep
            trigger="Delete image…"
            label="Delete image"
            question="Delete this image from the library? Published revisions that showed it keep it (an image still placed in a draft cannot be deleted)."
          >
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={async () => {
                const deleted = await send({
                  url: `/api/studio/media/${encodeURIComponent(record.id)}`,
                  method: "DELETE",
                  failed: "The image was not deleted.",
                });
                if (deleted) router.push("/studio/media");
              }}
            >
              {busy ? "Deleting…" : "Delete the image"}
            </button>
          </ConfirmStep>
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
