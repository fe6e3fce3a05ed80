// Editing an image's record (alt text, caption, credit, source, licence, clinical flag, patient consent).
// Audited with what changed. Recording or withdrawing patient consent is its own audited state change, with
// who and when. Changes to what readers see of the image count as an edit of every draft that places it
// (propagate-media-change.ts).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { isSafeHttpUrl } from "../content/document-schema";
import { altTextProblem } from "./alt-text";
import { LICENCE_CODES, type LicenceCode } from "./licences";
import { assertCanEditMedia } from "./media-access";
import { propagateMediaChange } from "./propagate-media-change";

export const updateMediaSchema = z
  .object({
    mediaId: z.string().min(1),
    alt: z.string().superRefine((value, ctx) => {
      const problem = altTextProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    caption: z.string().trim().max(500, "Keep the caption under 500 characters.").default(""),
    credit: z.string().trim().max(200, "Keep the credit under 200 characters.").default(""),
    sourceUrl: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || isSafeHttpUrl(v), "The source must be a full http:// or https:// address."),
    licence: z.enum(LICENCE_CODES as [LicenceCode, ...LicenceCode[]], { error: "Choose the licence of this image." }),
    licenceAgency: z.string().trim().max(200, "At most 200 characters.").default(""),
    clinical: z.boolean().default(false),
    consentOnFile: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.licence === "LICENSED" && !v.licenceAgency)
      ctx.addIssue({ code: "custom", path: ["licenceAgency"], message: "Name the agency the image is licensed from." });
  });
/** What the editor's images panel sends (the media id comes from the URL). */
export type MediaMetadataFields = Omit<z.input<typeof updateMediaSchema>, "mediaId">;
export type UpdateMediaInput = z.output<typeof updateMediaSchema>;
/** Shown above the field messages when a record does not fit the schema. */
export const UPDATE_MEDIA_INVALID = "The image details were not saved: please correct the fields.";

/** The fields readers see (and revision hashes cover): a change to one of them edits every draft using it. */
const SHOWN = ["alt", "caption", "credit", "sourceUrl", "licence", "licenceAgency", "clinical"] as const;

export async function updateMedia(db: Db, actor: Actor, data: UpdateMediaInput) {
  const { mediaId } = data;
  const next = {
    alt: data.alt.trim(),
    caption: data.caption,
    credit: data.credit,
    sourceUrl: data.sourceUrl || null,
    licence: data.licence,
    licenceAgency: data.licence === "LICENSED" ? data.licenceAgency : "",
    clinical: data.clinical,
  };
  const consent = data.clinical && data.consentOnFile;
  return db.$transaction(async (tx) => {
    const before = await assertCanEditMedia(tx, actor, mediaId);
    const changed = SHOWN.filter((k) => before[k] !== next[k]);
    const consentChanged = before.consentOnFile !== consent;
    if (!changed.length && !consentChanged) return { changed: false, voided: [] as string[] };
    const now = new Date();
    const updated = await tx.mediaItem.update({
      where: { id: mediaId },
      data: {
        ...next,
        ...(consentChanged
          ? {
              consentOnFile: consent,
              consentRecordedById: consent ? actor.id : null,
              consentRecordedAt: consent ? now : null,
            }
          : {}),
      },
    });
    if (changed.length)
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "media.updated",
        entityType: "MediaItem",
        entityId: mediaId,
        data: {
          changed,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        },
      });
    if (consentChanged)
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: consent ? "media.consent_recorded" : "media.consent_withdrawn",
        entityType: "MediaItem",
        entityId: mediaId,
        data: { at: now.toISOString(), clinical: data.clinical },
      });
    const voided = changed.length ? await propagateMediaChange(tx, mediaId, actor.id) : [];
    if (!updated) throw new AppError("NOT_FOUND", "This image does not exist.");
    return { changed: true, voided };
  });
}
