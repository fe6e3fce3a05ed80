// Whether a reviewer's credential lets them sign off now, and the snapshot an approval stores. Pure.
import type { CredentialStanding } from "../workflow/state-machine";

export interface CredentialLike {
  id: string;
  status: string; // PENDING | VERIFIED | REJECTED
  expiresAt: Date;
  displayName: string;
  postNominals: string;
  specialty: string;
  licenseNumber: string;
  issuingBody: string;
  jurisdiction: string;
  verifiedAt: Date | null;
  createdAt: Date;
}

export const CREDENTIAL_STANDING_TEXT: Record<CredentialStanding, string> = {
  VALID: "Verified and current",
  NONE: "No credential on file",
  PENDING: "Awaiting verification by an admin",
  REJECTED: "Rejected by an admin",
  EXPIRED: "Expired",
};

export function credentialStanding(
  cred: Pick<CredentialLike, "status" | "expiresAt"> | null | undefined,
  now = new Date(),
): CredentialStanding {
  if (!cred) return "NONE";
  if (cred.status === "REJECTED") return "REJECTED";
  if (cred.status !== "VERIFIED") return "PENDING";
  if (cred.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "VALID";
}

// Order for choosing the credential that represents a reviewer: a valid one first, then the most telling.
const RANK: Record<CredentialStanding, number> = { VALID: 0, PENDING: 1, EXPIRED: 2, REJECTED: 3, NONE: 4 };

/** The credential that counts for a reviewer: a valid one if any (latest expiry), else the most recent. */
export function bestCredential<C extends CredentialLike>(
  creds: readonly C[],
  now = new Date(),
): { credential: C | null; standing: CredentialStanding } {
  let best: C | null = null;
  let bestStanding: CredentialStanding = "NONE";
  for (const c of creds) {
    const s = credentialStanding(c, now);
    if (
      !best ||
      RANK[s] < RANK[bestStanding] ||
      (RANK[s] === RANK[bestStanding] && (s === "VALID" ? c.expiresAt > best.expiresAt : c.createdAt > best.createdAt))
    ) {
      best = c;
      bestStanding = s;
    }
  }
  return { credential: best, standing: bestStanding };
}

/** What an approval stores: the credential as it was at sign-off. The public page reads only this. */
export interface CredentialSnapshot {
  credentialId: string;
  displayName: string;
  postNominals: string;
  specialty: string;
  licenseNumber: string;
  issuingBody: string;
  jurisdiction: string;
  expiresAt: string;
  verifiedAt: string | null;
  verifiedByName: string | null;
}

export function credentialSnapshot(cred: CredentialLike, verifiedByName: string | null): CredentialSnapshot {
  return {
    credentialId: cred.id,
    displayName: cred.displayName,
    postNominals: cred.postNominals,
    specialty: cred.specialty,
    licenseNumber: cred.licenseNumber,
    issuingBody: cred.issuingBody,
    jurisdiction: cred.jurisdiction,
    expiresAt: cred.expiresAt.toISOString(),
    verifiedAt: cred.verifiedAt ? cred.verifiedAt.toISOString() : null,
    verifiedByName,
  };
}

/**
 * Reads Review.credentialSnapshot: the one parser, for the studio and for readers. A snapshot without a display
 * name (the empty "{}" default, an unreadable value) is no credential: nobody is named as the reviewer, so the
 * article header, the update history and the reviewer pages always agree and never claim more than was stored.
 */
export function parseCredentialSnapshot(json: string | null | undefined): CredentialSnapshot | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<CredentialSnapshot> | null;
    const displayName = typeof v?.displayName === "string" ? v.displayName.trim() : "";
    if (!v || !displayName) return null;
    return {
      credentialId: String(v.credentialId ?? ""),
      displayName,
      postNominals: String(v.postNominals ?? ""),
      specialty: String(v.specialty ?? ""),
      licenseNumber: String(v.licenseNumber ?? ""),
      issuingBody: String(v.issuingBody ?? ""),
      jurisdiction: String(v.jurisdiction ?? ""),
      expiresAt: String(v.expiresAt ?? ""),
      verifiedAt: v.verifiedAt ?? null,
      verifiedByName: v.verifiedByName ?? null,
    };
  } catch {
    return null;
  }
}

/** What readers are shown of a snapshot: the name, post-nominals and specialty, nothing else. */
export interface PublicCredential {
  displayName: string;
  postNominals: string;
  specialty: string;
}

export function publicCredential(json: string | null | undefined): PublicCredential | null {
  const s = parseCredentialSnapshot(json);
  return s ? { displayName: s.displayName, postNominals: s.postNominals, specialty: s.specialty } : null;
}
