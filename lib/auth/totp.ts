// TOTP (RFC 6238) as authenticator apps use it: SHA-1, 6 digits, 30-second steps. A code is accepted for the
// current step and one step either side (clock drift), and never for a step at or before the last accepted one
// (so a code seen over someone's shoulder cannot be replayed).
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export const TOTP_ISSUER = "Imprimatur";
/** Seconds of tolerance either side of now: one 30-second step. */
export const TOTP_TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret(); // 20 random bytes, base32
}

export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

/** The enrolment QR code as a data: URL of an SVG image (no script, no outside request: fits a strict CSP). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/**
 * The time step a code matches, or null. `afterStep` is the last accepted step (codes for it or earlier fail).
 */
export async function matchTotp(
  secret: string,
  code: string,
  options: { afterStep?: number | null; now?: Date } = {},
): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor((options.now ?? new Date()).getTime() / 1000),
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(options.afterStep != null ? { afterTimeStep: options.afterStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null; // a malformed stored secret never lets anyone in
  }
}
