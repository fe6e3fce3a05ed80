import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/app/_server/session";
import { startTwoFactorEnrolment } from "@/lib/accounts/start-two-factor-enrolment";
import { twoFactorStatus } from "@/lib/accounts/two-factor-status";
import { EnrolForm } from "./enrol-form";

export const metadata: Metadata = { title: "Set up two-step sign-in" };

/** Only paths inside the studio or the account pages: `next` must not become an open redirect. */
function safeNext(value: string | undefined): string {
  return value && /^\/(studio|account)(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(value) ? value : "/studio";
}

export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("account.self", "/account/two-factor");
  const next = safeNext((await searchParams).next);
  const status = await twoFactorStatus(db, actor.id);
  if (status.enabled) redirect("/account");
  const { secret, qrDataUrl } = await startTwoFactorEnrolment(db, actor);
  return (
    <>
      <h1>Set up two-step sign-in</h1>
      {actor.twoFactorPending && (
        <p className="notice info" role="status" data-testid="two-factor-required">
          Your role requires two-step sign-in. Set it up to continue to the studio.
        </p>
      )}
      <section className="panel" aria-labelledby="enrol-heading">
        <h2 id="enrol-heading">1. Add Imprimatur to your authenticator app</h2>
        <p>Scan this code with an authenticator app (for example FreeOTP, Aegis, Google Authenticator or 1Password).</p>
        {/* A data: URL of an SVG: no script and no outside request, so it works under a strict CSP. */}
        <img src={qrDataUrl} alt="QR code to add Imprimatur to an authenticator app" width={200} height={200} />
        <p>
          Cannot scan? Enter this key by hand (time-based, 6 digits):{" "}
          <code data-testid="totp-secret" aria-label="Setup key">
            {secret.match(/.{1,4}/g)?.join(" ")}
          </code>
        </p>
      </section>
      <section className="panel" aria-labelledby="confirm-heading">
        <h2 id="confirm-heading">2. Enter the code it shows</h2>
        <EnrolForm next={next} />
      </section>
    </>
  );
}
