// Enrolment, step one: a secret is stored (not yet enabled) and shown as a QR code. It is enabled only when the
// person proves their app has it (confirm-two-factor-enrolment.ts).
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { newTotpSecret, totpQrDataUrl, totpUri } from "../auth/totp";

/** The pending secret to show (created on first call, kept until enrolment is confirmed). */
export async function startTwoFactorEnrolment(db: Db, actor: Actor) {
  assertCan(actor, "account.self", "set up two-step sign-in");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already set up for your account.");
  let secret = user.totpSecret;
  if (!secret) {
    secret = newTotpSecret();
    // Conditional: two tabs opening the page at once end up showing the same secret.
    await db.user.updateMany({ where: { id: actor.id, totpSecret: null }, data: { totpSecret: secret } });
    secret = (await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true } })).totpSecret!;
  }
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
}
