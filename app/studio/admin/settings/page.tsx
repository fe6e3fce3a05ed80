import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { getSettings } from "@/lib/settings/settings";
import { requirePermission } from "@/app/_server/session";
import { ActionForm, Field } from "@/components/studio/action-form";
import { parseTwoFactorRoles } from "@/lib/auth/two-factor-policy";
import { updateLocaleSettingsAction, updateOverduePolicyAction, updatePoliciesAction } from "./actions";
import { KNOWN_LOCALES, getSiteLocales } from "@/lib/translations/locales";
import { TwoFactorPolicyForm } from "./two-factor-policy-form";
import { addSpecialtyAction } from "../../assignments/actions";
import { listSpecialties } from "@/lib/assignments/specialties";

export const metadata: Metadata = { title: "Policies" };

export default async function SettingsPage() {
  await requirePermission("settings.manage", "/studio/admin/settings");
  const [s, specialties, locales] = await Promise.all([getSettings(db), listSpecialties(db), getSiteLocales(db)]);
  return (
    <>
      <h1>Editorial policies</h1>
      <section className="panel" aria-labelledby="policies-heading">
        <h2 id="policies-heading">Publish gate and re-review</h2>
        <ActionForm
          action={updatePoliciesAction}
          submitLabel="Save policies"
          successMessage="Saved. The change is recorded in the audit log."
          label="Policies"
        >
          <Field
            name="plagiarism.thresholdPercent"
            label="Plagiarism threshold (%)"
            type="number"
            step="0.1"
            defaultValue={String(s["plagiarism.thresholdPercent"])}
            hint="A revision whose overall similarity is at or above this fails the publish gate (an editor may override with a reason)."
          />
          <Field
            name="review.intervalMonths"
            label="Medical re-review interval (months)"
            type="number"
            defaultValue={String(s["review.intervalMonths"])}
            hint="A published article is due for re-review this long after its last approval."
          />
          <Field
            name="review.dueSoonDays"
            label="“Due soon” window (days)"
            type="number"
            defaultValue={String(s["review.dueSoonDays"])}
            hint="The dashboard lists articles due within this many days."
          />
          <Field
            name="review.dueDays"
            label="Review assignments are due after (days)"
            type="number"
            defaultValue={String(s["review.dueDays"])}
            hint="An assigned reviewer is reminded once this has passed without a decision."
          />
          <Field
            name="layReview.requiredPatients"
            label="Lay reviews required: articles for patients and the public"
            type="number"
            defaultValue={String(s["layReview.requiredPatients"])}
            hint="Lay readers (patients, carers, members of the public) who must have answered on a revision before it can be published. 0: not required."
          />
          <Field
            name="layReview.requiredProfessionals"
            label="Lay reviews required: articles for clinicians"
            type="number"
            defaultValue={String(s["layReview.requiredProfessionals"])}
            hint="The same for articles written for health professionals."
          />
          <p className="checkbox-field">
            <input
              type="checkbox"
              id="policy-auto-assign"
              name="review.autoAssign"
              value="1"
              defaultChecked={s["review.autoAssign"] === 1}
            />{" "}
            <label htmlFor="policy-auto-assign">
              Auto-assign each submission to the least-loaded verified reviewer of its clinical area
            </label>
          </p>
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue pages and evidence age</h2>
        <ActionForm
          action={updateOverduePolicyAction}
          submitLabel="Save re-review policy"
          successMessage="Saved. Overdue pages change within a minute; each change is in the audit log."
          label="Re-review policy"
        >
          <fieldset>
            <legend>When a published page passes its re-review date</legend>
            {(
              [
                ["notice", "Show “This page is due for review” on the page"],
                ["noindex", "Show the notice and ask search engines not to index the page (noindex)"],
                ["withdraw", "Show the notice, then take the page down after the grace period"],
              ] as const
            ).map(([value, label]) => (
              <p className="checkbox-field" key={value}>
                <input
                  type="radio"
                  id={`overdue-policy-${value}`}
                  name="review.overduePolicy"
                  value={value}
                  defaultChecked={s["review.overduePolicy"] === value}
                />{" "}
                <label htmlFor={`overdue-policy-${value}`}>{label}</label>
              </p>
            ))}
          </fieldset>
          <Field
            name="review.overdueGraceDays"
            label="Grace period before withdrawal (days)"
            type="number"
            defaultValue={String(s["review.overdueGraceDays"])}
            hint="Only for “take the page down”: days after the re-review date."
          />
          <Field
            name="evidence.maxSourceAgeYears"
            label="Sources older than (years) are flagged at re-review"
            type="number"
            defaultValue={String(s["evidence.maxSourceAgeYears"])}
            hint="When a published article is reviewed again, each cited source older than this is listed as an advisory."
          />
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="specialties-heading">
        <h2 id="specialties-heading">Clinical specialties</h2>
        <p>
          One list: a specialty named on a reviewer&rsquo;s credential joins it by itself. Reviewers tick theirs on
          their credential; editors give each article its clinical area from it.
        </p>
        {specialties.length ? (
          <ul data-testid="specialties">
            {specialties.map((x) => (
              <li key={x.id}>{x.name}</li>
            ))}
          </ul>
        ) : (
          <p className="empty">No specialties yet.</p>
        )}
        <ActionForm
          action={addSpecialtyAction}
          submitLabel="Add specialty"
          label="Add a specialty"
          resetOnSuccess
          successMessage="Added."
        >
          <Field name="name" label="Specialty" />
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="languages-heading">
        <h2 id="languages-heading">Languages</h2>
        <ActionForm
          action={updateLocaleSettingsAction}
          submitLabel="Save languages"
          label="Languages"
          successMessage="Saved."
          testId="language-settings"
        >
          <p>
            <label htmlFor="default-locale">Default language</label>
            <select id="default-locale" name="defaultLocale" defaultValue={locales.defaultLocale}>
              {KNOWN_LOCALES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </p>
          <fieldset>
            <legend>Languages articles can be written and translated in</legend>
            {KNOWN_LOCALES.map((l) => (
              <p key={l.code} className="checkbox-field">
                <input
                  type="checkbox"
                  id={`locale-${l.code}`}
                  name="enabled"
                  value={l.code}
                  defaultChecked={locales.enabled.includes(l.code)}
                />{" "}
                <label htmlFor={`locale-${l.code}`}>{l.name}</label>
              </p>
            ))}
          </fieldset>
          <p className="checkbox-field">
            <input
              type="checkbox"
              id="source-changed-notice"
              name="sourceChangedNotice"
              value="1"
              defaultChecked={s["translations.sourceChangedNotice"] === 1}
            />{" "}
            <label htmlFor="source-changed-notice">
              When the original of a live translation is updated, tell its readers (“The English version was updated on
              …”) until the updated translation is approved and published
            </label>
          </p>
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="two-factor-policy-heading">
        <h2 id="two-factor-policy-heading">Two-step sign-in</h2>
        <TwoFactorPolicyForm required={parseTwoFactorRoles(s["auth.twoFactorRoles"])} />
      </section>
    </>
  );
}
