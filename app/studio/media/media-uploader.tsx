"use client";
// Upload from the library: choose a file, see it processed, fill in its record.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { ImageDetailsForm, ProcessingState, useMediaRecord } from "@/components/media/image-details-form";
import { ACCEPT_IMAGES, uploadImageFile } from "../articles/_editor/image";

export function MediaUploader() {
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string; id: string | null }>({
    busy: false,
    error: "",
    id: null,
  });
  return (
    <section className="panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload an image</h2>
      <label htmlFor="library-file">Image file</label>
      <input
        id="library-file"
        ref={input}
        type="file"
        accept={ACCEPT_IMAGES}
        disabled={state.busy}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setState({ busy: true, error: "", id: null });
          const result = await uploadImageFile(file);
          if (input.current) input.current.value = "";
          setState({ busy: false, error: result.ok ? "" : result.message, id: result.ok ? result.image.id : null });
          if (result.ok) router.refresh();
        }}
      />
      {state.busy && (
        <p className="media-status info" role="status">
          <span className="spinner" aria-hidden="true" /> Uploading…
        </p>
      )}
      {state.error && (
        <p className="notice error" role="alert" data-testid="upload-error">
          {state.error}
        </p>
      )}
      {state.id && <NewImage id={state.id} onSaved={() => router.refresh()} />}
    </section>
  );
}

function NewImage({ id, onSaved }: { id: string; onSaved: () => void }) {
  const { record, loadError } = useMediaRecord(id);
  if (loadError) return <p className="notice error">{loadError}</p>;
  if (!record) return null;
  return (
    <>
      <ProcessingState record={record} />
      <ImageDetailsForm record={record} onSaved={onSaved} />
    </>
  );
}
