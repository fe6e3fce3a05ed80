// The reviewer's credential as recorded on the approval (Review.credentialSnapshot). Readers are shown only
// what this snapshot says: if it is missing or unreadable, the page makes no "medically reviewed" claim.
import { z } from "zod";

const snapshot = z.object({
  displayName: z.string().trim().min(1),
  postNominals: z.string().trim().nullish(),
  specialty: z.string().trim().nullish(),
});

export interface SnapshotForReaders {
  displayName: string;
  postNominals: string;
  specialty: string;
}

export function readCredentialSnapshot(json: string | null | undefined): SnapshotForReaders | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = snapshot.safeParse(raw);
  if (!parsed.success) return null;
  return {
    displayName: parsed.data.displayName,
    postNominals: parsed.data.postNominals ?? "",
    specialty: parsed.data.specialty ?? "",
  };
}
