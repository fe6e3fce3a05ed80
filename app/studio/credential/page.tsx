import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { myCredentials } from "@/lib/credentials/list-credentials";
import { CREDENTIAL_STANDING_TEXT } from "@/lib/credentials/credential-standing";
import { requirePermission } from "@/app/_server/session";
import { ActionForm, Field } from "@/components/studio/action-form";
import { saveCredentialAction } from "./actions";
import { credentialSpecialtiesAction } from "../assignments/actions";
import { listSpecialties } from "@/lib/assignments/specialties";
import { TableScroll } from "@/components/studio/table-scroll";
import { KNOWN_LOCALES, languageList, parseLanguages } from "@/lib/translations/locales";

export const metadata: Metadata = { title: "Your credential" };

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function CredentialPage() {
  const actor = await requirePermission("credential.manage.own", "/studio/credential");
  const [{ credentials, credential, standing }, specialties] = await Promise.all([
    myCredentials(db, actor.id),
    listSpecialties(db),
  ]);
  const latest = credentials[0];
  const languages = latest ? parseLanguages(latest.languages) : ["en"];
  const mine = latest
    ? new Set(
        (
          await db.credentialSpecialty.findMany({ where: { credentialId: latest.id }, select: { specialtyId: true } })
        ).map((s) => s.specialtyId),
      )
    : new Set<string>();
  return (
    <>
      <h1>Your reviewer credential</h1>
      <p>
        Sign-off status:{" "}
        <strong className={`badge ${standing === "VALID" ? "ok" : "warn"}`} data-testid="credential-standing">
          {CREDENTIAL_STANDING_TEXT[standing]}
        </strong>
        {credential && standing === "VALID" && <> — until {day(credential.expiresAt)}</>}
      </p>
      <p className="field-hint">
        Only a verified, unexpired credential lets you approve or request changes. Any change you make here must be
        verified again by an admin; approvals you already gave keep the credential as it was when you signed.
      </p>
      <div className="panel-grid">
        <section className="panel" aria-labelledby="cred-form-heading">
          <h2 id="cred-form-heading">{latest ? "Update your credential" : "Enter your credential"}</h2>
          <ActionForm
            action={saveCredentialAction}
            submitLabel="Save and send for verification"
            pendingLabel="Saving…"
            successMessage="Saved. An admin will verify it."
            label="Credential"
          >
            <Field
              name="displayName"
              label="Name as shown to readers"
              defaultValue={latest?.displayName ?? actor.name}
            />
            <Field
              name="postNominals"
              label="Post-nominals"
              defaultValue={latest?.postNominals}
              hint="For example: M.D., FFARCSI, DA"
            />
            <Field name="specialty" label="Specialty" defaultValue={latest?.specialty} />
            <Field name="licenseNumber" label="Licence or registration number" defaultValue={latest?.licenseNumber} />
            <Field name="issuingBody" label="Issuing body" defaultValue={latest?.issuingBody} />
            <Field name="jurisdiction" label="Jurisdiction" defaultValue={latest?.jurisdiction} />
            <Field
              name="expiresAt"
              label="Expiry date"
              type="date"
              defaultValue={latest ? day(latest.expiresAt) : undefined}
            />
            <fieldset data-testid="credential-languages">
              <legend>Languages you review in</legend>
              <p className="field-hint">
                You can approve articles and translations only in these languages. An admin verifies them with the rest
                of your credential.
              </p>
              {/* Sent with the boxes, so that ticking none is reported instead of read as "unchanged". */}
              <input type="hidden" name="languages" value="" />
              {KNOWN_LOCALES.map((l) => (
                <p key={l.code} className="checkbox-field">
                  <input
                    type="checkbox"
                    id={`language-${l.code}`}
                    name="languages"
                    value={l.code}
                    defaultChecked={languages.includes(l.code)}
                  />{" "}
                  <label htmlFor={`language-${l.code}`}>{l.name}</label>
                </p>
              ))}
            </fieldset>
          </ActionForm>
        </section>
        <section className="panel" aria-labelledby="cred-list-heading">
          <h2 id="cred-list-heading">History</h2>
          {credentials.length === 0 ? (
            <p className="empty">No credential yet.</p>
          ) : (
            <TableScroll label="Credential history">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Credential</th>
                    <th scope="col">Status</th>
                    <th scope="col">Expires</th>
                  </tr>
                </thead>
                <tbody>
                  {credentials.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {c.displayName}, {c.postNominals}
                        <br />
                        <span className="field-hint">
                          {c.specialty} · {c.issuingBody} ({c.jurisdiction}) · {c.licenseNumber} · reviews in{" "}
                          {languageList(parseLanguages(c.languages))}
                        </span>
                      </td>
                      <td>
                        {CREDENTIAL_STANDING_TEXT[c.standing]}
                        {c.verifiedBy && c.verifiedAt && (
                          <div className="field-hint">
                            Verified by {c.verifiedBy.name} on {day(c.verifiedAt)}
                          </div>
                        )}
                        {c.rejectionReason && <div className="field-hint">Reason: {c.rejectionReason}</div>}
                      </td>
                      <td>{day(c.expiresAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
        {latest && specialties.length > 0 && (
          <section className="panel" aria-labelledby="specialties-heading">
            <h2 id="specialties-heading">Your specialties</h2>
            <p className="field-hint">
              Editors and the auto-assign rule route articles of these clinical areas to you.
            </p>
            <ActionForm
              action={credentialSpecialtiesAction}
              submitLabel="Save specialties"
              buttonClass="secondary"
              label="Your specialties"
              successMessage="Saved."
            >
              <fieldset>
                <legend>Specialties</legend>
                {specialties.map((s) => (
                  <p key={s.id} className="checkbox-field">
                    <input
                      type="checkbox"
                      id={`specialty-${s.id}`}
                      name="specialtyIds"
                      value={s.id}
                      defaultChecked={mine.has(s.id)}
                    />{" "}
                    <label htmlFor={`specialty-${s.id}`}>{s.name}</label>
                  </p>
                ))}
              </fieldset>
            </ActionForm>
          </section>
        )}
      </div>
    </>
  );
}
