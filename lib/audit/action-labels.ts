// What each audit action is called in the audit log's filter and table: people read "Article published", never
// the stored name "article.published". The stored names stay as they are (the hash chain covers them); a name
// missing here still reads as words (auditActionLabel), and a test checks every action the code records has one.
import { kindOfDetailKey, type AuditNames } from "./resolve-audit-names";

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  "article.created": "Article created",
  "translation.started": "Translation started",
  "translation.source_changed": "Translation's source changed",
  "translation.brought_up_to_date": "Translation brought up to date",
  "article.settings_changed": "Article settings changed",
  "article.slug_changed": "Article address changed",
  "article.alternative_names_changed": "Alternative names changed",
  "article.review_settings_changed": "Review settings changed",
  "article.review_due_changed": "Re-review date changed",
  "article.submitted": "Submitted for review",
  "article.withdrawn": "Withdrawn from review",
  "article.submission_withdrawn": "Submission withdrawn",
  "article.published": "Article published",
  "article.publish_scheduled": "Publication scheduled",
  "article.publish_schedule_cancelled": "Scheduled publication cancelled",
  "article.scheduled_publish_failed": "Scheduled publication failed",
  "article.unpublished": "Article unpublished",
  "article.archived": "Article archived",
  "article.restored": "Article restored",
  "article.flagged_for_rereview": "Flagged for medical re-review",
  "article.overdue_action_applied": "Overdue page: policy applied",
  "article.overdue_action_cleared": "Overdue page: policy lifted",
  "article.evidence_pack_generated": "Evidence pack downloaded",
  "revision.frozen": "Revision saved",
  "revision.restored": "Earlier revision restored",
  "review.assigned": "Reviewer assigned",
  "review.unassigned": "Reviewer removed",
  "review.approved": "Approved",
  "review.changes_requested": "Changes requested",
  "review.approval_voided": "Approval voided",
  "review.comment_added": "Review comment added",
  "review.comment_replied": "Review comment answered",
  "review.comment_resolved": "Review comment resolved",
  "review.comment_reopened": "Review comment reopened",
  "review.edit_suggested": "Edit suggested",
  "review.suggestion_accepted": "Suggested edit accepted",
  "review.suggestion_rejected": "Suggested edit rejected",
  "gate.override": "Publish gate overridden",
  "reference.created": "Source added",
  "reference.updated": "Source changed",
  "reference.deleted": "Source deleted",
  "media.uploaded": "Image uploaded",
  "media.updated": "Image details changed",
  "media.file_replaced": "Image file replaced",
  "media.deleted": "Image deleted",
  "media.consent_recorded": "Patient consent recorded",
  "media.consent_withdrawn": "Patient consent withdrawn",
  "feedback.acknowledged": "Reader report acknowledged",
  "feedback.resolved": "Reader report resolved",
  "feedback.dismissed": "Reader report dismissed",
  "corpus.added": "Corpus document added",
  "corpus.imported": "Corpus documents imported",
  "corpus.removed": "Corpus document removed",
  "dictionary.word_added": "Word added to the dictionary",
  "dictionary.word_removed": "Word removed from the dictionary",
  "credential.submitted": "Credential submitted",
  "credential.updated": "Credential changed",
  "credential.verified": "Credential verified",
  "credential.rejected": "Credential rejected",
  "credential.specialties_changed": "Reviewer specialties changed",
  "specialty.added": "Specialty added",
  "settings.updated": "Policies changed",
  "webhook.endpoint_created": "Webhook endpoint added",
  "webhook.endpoint_deleted": "Webhook endpoint removed",
  "webhook.endpoint_paused": "Webhook endpoint paused",
  "webhook.endpoint_resumed": "Webhook endpoint resumed",
  "webhook.test_sent": "Webhook test event sent",
  "user.created": "Account created",
  "user.invited": "Person invited",
  "user.invitation_resent": "Invitation sent again",
  "user.invitation_accepted": "Invitation accepted",
  "user.roles_changed": "Roles changed",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled",
  "user.password_changed": "Password changed",
  "user.password_reset_requested": "Password reset requested",
  "user.password_reset": "Password reset",
  "user.two_factor_enabled": "Two-step sign-in turned on",
  "user.two_factor_disabled": "Two-step sign-in turned off",
  "user.two_factor_reset": "Two-step sign-in reset by an admin",
  "user.recovery_codes_regenerated": "New recovery codes made",
  "user.signed_out_everywhere": "Signed out everywhere",
  "user.calendar_feed_regenerated": "Calendar feed link replaced",
  "auth.signed_in": "Signed in",
  "auth.signed_out": "Signed out",
  "auth.signin_failed": "Sign-in failed",
  "auth.two_factor_failed": "Two-step code refused",
  "auth.locked_out": "Sign-in locked after failures",
  "auth.client_throttled": "Too many sign-in attempts from one address",
  "audit.chain_keyed": "Audit log signing key started",
  "declaration.saved": "Declaration of interests made",
  "article.funding_changed": "Funding and sponsorship changed",
  "article.interest_declared": "Conflict of interest declared on the article",
  "article.conflict_overridden": "Reviewer's conflict of interest overridden",
  "lay_review.invited": "Lay reader invited",
  "lay_review.recorded": "Lay review received",
};

/** The readable name of an action; one not in the list reads as its words ("foo.bar_baz" → "Foo: bar baz"). */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const [area, ...rest] = action.split(".");
  const words = rest.join(" ").replace(/_/g, " ").trim();
  const head = area.charAt(0).toUpperCase() + area.slice(1);
  return words ? `${head}: ${words}` : head;
}

/** Labels for the filter, in alphabetical order of what people read. */
export function auditActionOptions(actions: readonly string[]): Array<{ value: string; label: string }> {
  return actions
    .map((value) => ({ value, label: auditActionLabel(value) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
}

export interface AuditDetail {
  label: string;
  value: string;
}

/** "specialtyIds" → "Specialty ids", "previous_live" → "Previous live". */
function keyLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `{ from, to }`: a changed value, read "12 → 9". */
function isChange(value: object): value is { from: unknown; to: unknown } {
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes("from") && keys.includes("to");
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(", ") : "none";
  if (typeof value === "object" && isChange(value)) return `${valueText(value.from)} → ${valueText(value.to)}`;
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${keyLabel(k).toLowerCase()}: ${valueText(v)}`)
      .join("; ");
  return String(value);
}

/** Ids in a detail's value replaced by their names where known: a string, a list, or a `{ from, to }` change. */
function withNames(value: unknown, kind: string, names: AuditNames): unknown {
  if (typeof value === "string") return names.name(kind, value) ?? value;
  if (Array.isArray(value)) return value.map((v) => withNames(v, kind, names));
  if (value && typeof value === "object" && isChange(value))
    return { from: withNames(value.from, kind, names), to: withNames(value.to, kind, names) };
  return value;
}

/**
 * An event's stored details (JSON) as label/value lines; text that is not a JSON object is one "Details" line.
 * With `names` (lib/audit/resolve-audit-names.ts), a detail that holds ids reads as names: "Reviewer: Dr. Rowan
 * Iyer" rather than "Reviewer id: cmx…".
 */
export function auditDetails(dataJson: string, names?: AuditNames): AuditDetail[] {
  let data: unknown;
  try {
    data = JSON.parse(dataJson);
  } catch {
    return dataJson.trim() ? [{ label: "Details", value: dataJson }] : [];
  }
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return [{ label: "Details", value: valueText(data) }];
  return Object.entries(data as Record<string, unknown>).map(([key, value]) => {
    const kind = names ? kindOfDetailKey(key) : null;
    if (!kind || !names) return { label: keyLabel(key), value: valueText(value) };
    const plural = key.endsWith("Ids");
    return {
      label: keyLabel(key.replace(/Ids?$/, plural ? "s" : "")),
      value: valueText(withNames(value, kind, names)),
    };
  });
}
