"use client";
// The images of the article being edited: each placed image with its picture, its processing state and its
// record (alt text, licence, consent…), plus "Replace file". A new upload opens its record at once, because
// alt text and licence are what the publish gate asks for. Each image's record (polled while its sizes are
// made) is also handed to the editor, which shows the picture in the text once it is ready and lists what the
// record lacks in the Checks panel: one poll per image, for all three.
import { useEffect, useRef, useState } from "react";
import {
  ImageDetailsForm,
  ProcessingState,
  useMediaRecord,
  type MediaRecord,
} from "@/components/media/image-details-form";
import { ACCEPT_IMAGES, previewUrl, uploadImageFile } from "./image";

export function ImagesPanel({
  mediaIds,
  openId,
  onOpen,
  uploading,
  uploadError,
  onRecord,
}: {
  mediaIds: string[];
  openId: string | null;
  onOpen: (id: string | null) => void;
  uploading: boolean;
  uploadError: string;
  /** The latest record of a placed image (after each poll, save or replacement). */
  onRecord: (id: string, record: MediaRecord) => void;
}) {
  return (
    <section className="panel images-panel" aria-labelledby="images-heading" data-testid="images-panel">
      <h2 id="images-heading">Images</h2>
      {uploading && (
        <p className="media-status info" role="status">
          <span className="spinner" aria-hidden="true" /> Uploading the image…
        </p>
      )}
      {uploadError && (
        <p className="notice error" role="alert" data-testid="upload-error">
          {uploadError}
        </p>
      )}
      {mediaIds.length === 0 ? (
        <p className="field-hint">
          No images yet. Use the Image button, drag a file onto the text or paste one (JPEG, PNG, WebP, AVIF or GIF, up
          to 20 MB and 40 megapixels; SVG is not accepted).
        </p>
      ) : (
        <ul className="image-list">
          {mediaIds.map((id, i) => (
            <li key={id}>
              <PlacedImage
                id={id}
                index={i + 1}
                open={openId === id}
                onToggle={() => onOpen(openId === id ? null : id)}
                onRecord={onRecord}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlacedImage({
  id,
  index,
  open,
  onToggle,
  onRecord,
}: {
  id: string;
  index: number;
  open: boolean;
  onToggle: () => void;
  onRecord: (id: string, record: MediaRecord) => void;
}) {
  const [reload, setReload] = useState(0);
  const { record, setRecord, loadError } = useMediaRecord(id, reload);
  useEffect(() => {
    if (record) onRecord(id, record);
  }, [id, record, onRecord]);
  const fileRef = useRef<HTMLInputElement>(null);
  const [replaceState, setReplaceState] = useState<{ busy: boolean; error: string }>({ busy: false, error: "" });
  if (loadError) return <p className="notice error">{loadError}</p>;
  if (!record) return <p className="field-hint">Loading image {index}…</p>;
  const missing = [
    !record.alt && "alt text",
    !record.licence && "licence",
    record.clinical && !record.consentOnFile && "consent",
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="placed-image" data-media-id={id}>
      {/* The studio preview is a plain image request: no layout shift, fixed box. */}
      <img
        src={`${previewUrl(id)}?v=${record.status}-${reload}`}
        alt={record.alt || `Image ${index} (no alt text yet)`}
        width={96}
        height={64}
        className="placed-thumb"
      />
      <div>
        <p className="placed-title">
          {record.alt ? record.alt : <em>Image {index}: no alt text yet</em>}
          {missing && <span className="badge warn"> Missing: {missing}</span>}
        </p>
        <ProcessingState record={record} />
        <button type="button" className="secondary" aria-expanded={open} onClick={onToggle}>
          {open ? "Close details" : "Edit details"}
        </button>{" "}
        <button
          type="button"
          className="secondary"
          onClick={() => fileRef.current?.click()}
          disabled={replaceState.busy}
        >
          {replaceState.busy ? "Replacing…" : "Replace file"}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept={ACCEPT_IMAGES}
          hidden
          aria-label={`Replacement file for image ${index}`}
          data-testid="replace-file-input"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            setReplaceState({ busy: true, error: "" });
            const result = await uploadImageFile(file, id);
            setReplaceState({ busy: false, error: result.ok ? "" : result.message });
            if (result.ok) setReload((n) => n + 1);
          }}
        />
        {replaceState.error && (
          <p className="notice error" role="alert">
            {replaceState.error}
          </p>
        )}
      </div>
      {open && <ImageDetailsForm key={`${record.id}-${reload}`} record={record} onSaved={(r) => setRecord(r)} />}
    </div>
  );
}
