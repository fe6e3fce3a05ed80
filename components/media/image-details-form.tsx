"use client";
// The record of one image: alt text, caption, credit, source, licence, and for clinical photographs whether
// the patient's consent is on file. Shows the processing state while the sizes are being made (polling the
// item every second) and keeps what was typed when the server refuses it, with the reason beside each field.
import { useEffect, useId, useState } from "react";
import { LICENCES, LICENCE_CODES } from "@/lib/media/licences";
import { errorText } from "@/components/studio/json-api";
import { useJsonMutation } from "@/components/studio/use-json-mutation";
import "./media-form.css";

export interface MediaRecord {
  id: string;
  alt: string;
  caption: string;
  credit: string;
  sourceUrl: string;
  licence: string;
  licenceAgency: string;
  clinical: boolean;
  consentOnFile: boolean;
  consentRecordedBy: string | null;
  consentRecordedAt: string | null;
  originalName: string;
  status: string;
  error: string | null;
  width: number;
  height: number;
}

type Fields = Pick<
  MediaRecord,
  "alt" | "caption" | "credit" | "sourceUrl" | "licence" | "licenceAgency" | "clinical" | "consentOnFile"
>;

const fieldsOf = (r: MediaRecord): Fields => ({
  alt: r.alt,
  caption: r.caption,
  credit: r.credit,
  sourceUrl: r.sourceUrl,
  licence: r.licence,
  licenceAgency: r.licenceAgency,
  clinical: r.clinical,
  consentOnFile: r.consentOnFile,
});

/** Polls an item until its variants are made (every second at first, then less often: a large photograph on a
 *  busy site takes a while); returns the latest record (null while loading). */
export function useMediaRecord(mediaId: string, reloadKey = 0) {
  const [record, setRecord] = useState<MediaRecord | null>(null);
  const [loadError, setLoadError] = useState("");
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const load = async () => {
      try {
        const res = await fetch(`/api/studio/media/${encodeURIComponent(mediaId)}`, { cache: "no-store" });
        const body = (await res.json()) as MediaRecord & { error?: { message: string } };
        if (stopped) return;
        if (!res.ok) {
          setLoadError(errorText(body.error, [], "This image could not be loaded."));
          return;
        }
        setRecord(body);
        setLoadError("");
        if (body.status === "PENDING" || body.status === "RUNNING")
          timer = setTimeout(load, Math.min(10_000, 1000 * 1.5 ** polls++));
      } catch {
        if (!stopped) timer = setTimeout(load, 3000);
      }
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [mediaId, reloadKey]);
  return { record, setRecord, loadError };
}

export function ProcessingState({ record }: { record: MediaRecord }) {
  if (record.status === "READY")
    return (
      <p className="media-status ok" role="status" data-testid="media-status" data-status="READY">
        Ready: {record.width} × {record.height} px, sizes made.
      </p>
    );
  if (record.status === "FAILED")
    return (
      <p className="media-status bad" role="alert" data-testid="media-status" data-status="FAILED">
        The sizes could not be made: {record.error ?? "processing failed"}. Upload the image again.
      </p>
    );
  return (
    <p className="media-status info" role="status" data-testid="media-status" data-status={record.status}>
      <span className="spinner" aria-hidden="true" /> Processing the image (making its sizes in AVIF, WebP and JPEG)…
    </p>
  );
}

export function ImageDetailsForm({
  record,
  onSaved,
  canEdit = true,
}: {
  record: MediaRecord;
  onSaved?: (r: MediaRecord, voided: string[]) => void;
  canEdit?: boolean;
}) {
  const uid = useId();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(record));
  const { busy: saving, error, fieldErrors: errors, send } = useJsonMutation();
  const [savedText, setSavedText] = useState("");
  const message: { kind: "ok" | "error"; text: string } | null = error
    ? { kind: "error", text: error }
    : savedText
      ? { kind: "ok", text: savedText }
      : null;
  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => setFields((f) => ({ ...f, [k]: v }));
  const id = (name: string) => `${uid}-${name}`;
  const err = (name: string) =>
    errors[name]?.length ? (
      <p id={id(`${name}-error`)} className="field-error">
        {errors[name].join(" ")}
      </p>
    ) : null;
  const described = (name: string, hint?: boolean) =>
    [errors[name]?.length ? id(`${name}-error`) : "", hint ? id(`${name}-hint`) : ""].filter(Boolean).join(" ") ||
    undefined;

  const save = async () => {
    setSavedText("");
    const body = await send<{ item?: MediaRecord; voided?: string[] }>({
      url: `/api/studio/media/${encodeURIComponent(record.id)}`,
      method: "PUT",
      body: fields,
      failed: "The details were not saved.",
      unreachable: "The server could not be reached; nothing was saved.",
    });
    if (!body) return;
    const voided = body.voided ?? [];
    setSavedText(
      voided.length
        ? "Saved. An article showing this image was approved or in review: that sign-off no longer matches and was withdrawn."
        : "Image details saved.",
    );
    if (body.item) onSaved?.(body.item, voided);
  };

  return (
    <form
      className="image-details"
      aria-label="Image details"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset disabled={!canEdit || saving}>
        <label htmlFor={id("alt")}>Alt text (required)</label>
        <textarea
          id={id("alt")}
          name="alt"
          rows={2}
          maxLength={300}
          value={fields.alt}
          aria-invalid={errors.alt ? true : undefined}
          aria-describedby={described("alt", true)}
          onChange={(e) => set("alt", e.target.value)}
        />
        <p id={id("alt-hint")} className="field-hint">
          What the image shows, for readers who cannot see it. Not the file name, and no “image of…”.
        </p>
        {err("alt")}
        <label htmlFor={id("caption")}>Caption</label>
        <input
          id={id("caption")}
          name="caption"
          maxLength={500}
          value={fields.caption}
          aria-describedby={described("caption")}
          onChange={(e) => set("caption", e.target.value)}
        />
        {err("caption")}
        <label htmlFor={id("credit")}>Credit</label>
        <input
          id={id("credit")}
          name="credit"
          maxLength={200}
          value={fields.credit}
          aria-describedby={described("credit")}
          onChange={(e) => set("credit", e.target.value)}
        />
        {err("credit")}
        <label htmlFor={id("sourceUrl")}>Source address</label>
        <input
          id={id("sourceUrl")}
          name="sourceUrl"
          type="url"
          placeholder="https://"
          value={fields.sourceUrl}
          aria-invalid={errors.sourceUrl ? true : undefined}
          aria-describedby={described("sourceUrl")}
          onChange={(e) => set("sourceUrl", e.target.value)}
        />
        {err("sourceUrl")}
        <label htmlFor={id("licence")}>Licence (required)</label>
        <select
          id={id("licence")}
          name="licence"
          value={fields.licence}
          aria-invalid={errors.licence ? true : undefined}
          aria-describedby={described("licence")}
          onChange={(e) => set("licence", e.target.value)}
        >
          <option value="">Choose…</option>
          {LICENCE_CODES.map((code) => (
            <option key={code} value={code}>
              {LICENCES[code].label}
            </option>
          ))}
        </select>
        {err("licence")}
        {fields.licence === "LICENSED" && (
          <>
            <label htmlFor={id("licenceAgency")}>Licensed from (agency)</label>
            <input
              id={id("licenceAgency")}
              name="licenceAgency"
              maxLength={200}
              value={fields.licenceAgency}
              aria-invalid={errors.licenceAgency ? true : undefined}
              aria-describedby={described("licenceAgency")}
              onChange={(e) => set("licenceAgency", e.target.value)}
            />
            {err("licenceAgency")}
          </>
        )}
        <div className="checkbox-row">
          <input
            id={id("clinical")}
            type="checkbox"
            checked={fields.clinical}
            onChange={(e) => set("clinical", e.target.checked)}
          />
          <label htmlFor={id("clinical")}>Clinical photograph of a patient</label>
        </div>
        {fields.clinical && (
          <div className="checkbox-row">
            <input
              id={id("consent")}
              type="checkbox"
              checked={fields.consentOnFile}
              aria-describedby={id("consent-hint")}
              onChange={(e) => set("consentOnFile", e.target.checked)}
            />
            <label htmlFor={id("consent")}>The patient’s written consent to publish is on file</label>
            <p id={id("consent-hint")} className="field-hint">
              {record.consentOnFile && record.consentRecordedBy
                ? `Recorded by ${record.consentRecordedBy} on ${new Date(record.consentRecordedAt!).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}.`
                : "Your name and the date are recorded with it."}
            </p>
          </div>
        )}
        <button type="submit">{saving ? "Saving…" : "Save image details"}</button>
      </fieldset>
      {message && (
        <p
          className={`notice ${message.kind === "ok" ? "ok" : "error"}`}
          role={message.kind === "ok" ? "status" : "alert"}
          data-testid="image-details-message"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
