import type { Metadata } from "next";
import { languageList, parseLanguages } from "@/lib/translations/locales";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { credentialsForAdmin } from "@/lib/credentials/list-credentials";
import { CREDENTIAL_STANDING_TEXT } from "@/lib/credentials/credential-standing";
import { requirePermission } from "@/app/_server/session";
import { ActionForm, Field } from "@/components/studio/action-form";
import { decideCredentialAction } from "./actions";

export const metadata: Metadata = { title: "Credentials" };

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function AdminCredentialsPage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  await requirePermission("credentials.verify", "/studio/admin/credentials");
  const show = (await searchParams).show === "all" ? "ALL" : "PENDING";
  const creds = await credentialsForAdmin(db, show);
  return (
    <>
      <h1>Reviewer credentials</h1>
      <p>
        {show === "PENDING" ? (
          <>
            Showing credentials waiting for verification.{" "}
            <Link href="/studio/admin/credentials?show=all">Show all</Link>
          </>
        ) : (
          <>
            Showing all credentials. <Link href="/studio/admin/credentials">Show only pending</Link>
          </>
        )}
      </p>
      {creds.length === 0 ? (
        <p className="empty">Nothing to verify.</p>
      ) : (
        <ul className="gate-items">
          {creds.map((c) => (
            <li key={c.id} className="gate-item" data-testid={`credential-${c.user.email}`}>
              <h2 className="h3">
                {c.displayName}, {c.postNominals} <span className="badge">{CREDENTIAL_STANDING_TEXT[c.standing]}</span>
              </h2>
              <dl className="meta">
                <dt>Account</dt>
                <dd>
                  {c.user.name} ({c.user.email})
                </dd>
                <dt>Specialty</dt>
                <dd>{c.specialty}</dd>
                <dt>Reviews in</dt>
                <dd data-testid="credential-languages">{languageList(parseLanguages(c.languages)) || "No language"}</dd>
                <dt>Licence / registration</dt>
                <dd>{c.licenseNumber}</dd>
                <dt>Issued by</dt>
                <dd>
                  {c.issuingBody}, {c.jurisdiction}
                </dd>
                <dt>Expires</dt>
                <dd>{day(c.expiresAt)}</dd>
                {c.rejectionReason && (
                  <>
                    <dt>Rejected because</dt>
                    <dd>{c.rejectionReason}</dd>
                  </>
                )}
              </dl>
              {c.status === "PENDING" && (
                <div className="inline-forms">
                  <ActionForm
                    action={decideCredentialAction}
                    submitLabel="Verify"
                    pendingLabel="Verifying…"
                    label={`Verify ${c.displayName}`}
                  >
                    <input type="hidden" name="credentialId" value={c.id} />
                    <input type="hidden" name="decision" value="VERIFY" />
                    <p className="field-hint">Check the licence number with the issuing body before verifying.</p>
                  </ActionForm>
                  <ActionForm
                    action={decideCredentialAction}
                    submitLabel="Reject"
                    pendingLabel="Rejecting…"
                    buttonClass="danger"
                    label={`Reject ${c.displayName}`}
                  >
                    <input type="hidden" name="credentialId" value={c.id} />
                    <input type="hidden" name="decision" value="REJECT" />
                    <Field name="reason" label="Reason (sent to the reviewer)" textarea rows={2} />
                  </ActionForm>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
