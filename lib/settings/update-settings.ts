// Admins change site policies; every change is audited with the old and new values in one transaction.
import { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { getSettings, putSetting } from "./settings";
import { ROLES } from "../auth/roles";
import { OVERDUE_POLICIES } from "../publishing/apply-overdue-policy";
import { formatTwoFactorRoles, twoFactorRolesSetting, TWO_FACTOR_SETTING } from "../auth/two-factor-policy";

const layReviewCount = z.preprocess(
  (v) => (v === undefined || v === "" ? 0 : v),
  z.coerce
    .number({ error: "Enter a whole number of lay reviews." })
    .int("Enter a whole number of lay reviews.")
    .min(0, "Enter 0 or more.")
    .max(10, "At most 10 lay reviews."),
);

export const policySchema = z.object({
  "plagiarism.thresholdPercent": z.coerce
    .number({ error: "Enter a number." })
    .min(1, "The threshold must be at least 1%.")
    .max(100, "The threshold cannot be more than 100%."),
  "review.intervalMonths": z.coerce
    .number({ error: "Enter a whole number of months." })
    .int("Enter a whole number of months.")
    .min(1, "The interval must be at least 1 month.")
    .max(60, "The interval cannot be more than 60 months."),
  "review.dueSoonDays": z.coerce
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days."),
  "review.dueDays": z.coerce
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(1, "At least 1 day.")
    .max(90, "At most 90 days."),
  // Lay reviews required before publishing, per audience (lib/lay-review); absent from a form: none.
  "layReview.requiredPatients": layReviewCount,
  "layReview.requiredProfessionals": layReviewCount,
  // A checkbox: present ("1") when ticked, absent otherwise.
  "review.autoAssign": z
    .union([z.literal("1"), z.literal("on"), z.literal(1), z.literal("")])
    .optional()
    .transform((v) => (v === "1" || v === "on" || v === 1 ? 1 : 0)),
});
export type PolicyInput = z.output<typeof policySchema>;
export const POLICY_KEYS = Object.keys(policySchema.shape) as Array<keyof typeof policySchema.shape>;

export async function updatePolicies(db: Db, actor: Actor, input: PolicyInput) {
  assertCan(actor, "settings.manage", "change site policies");
  const data = input;
  return db.$transaction(async (tx) => {
    const before = await getSettings(tx);
    const changes: Record<string, { from: number; to: number }> = {};
    for (const key of POLICY_KEYS) {
      if (before[key] === data[key]) continue;
      changes[key] = { from: before[key], to: data[key] };
      await putSetting(tx, key, data[key]);
    }
    if (Object.keys(changes).length) {
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "settings.updated",
        entityType: "Setting",
        entityId: "policies",
        data: { changes },
      });
    }
    return { changed: Object.keys(changes) };
  });
}

export const twoFactorPolicySchema = z.object({
  roles: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(ROLES, "Unknown role.")),
  ),
});
export type TwoFactorPolicyInput = z.output<typeof twoFactorPolicySchema>;

/** Which roles must sign in with a second factor; people who have none are sent to enrol at their next click. */
export async function updateTwoFactorPolicy(db: Db, actor: Actor, input: TwoFactorPolicyInput) {
  assertCan(actor, "settings.manage", "change site policies");
  const { roles } = input;
  const value = formatTwoFactorRoles(roles);
  return db.$transaction(async (tx) => {
    const before = formatTwoFactorRoles(await twoFactorRolesSetting(tx));
    if (before === value) return { changed: [] as string[] };
    await putSetting(tx, TWO_FACTOR_SETTING, value);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "settings.updated",
      entityType: "Setting",
      entityId: TWO_FACTOR_SETTING,
      data: { changes: { [TWO_FACTOR_SETTING]: { from: before, to: value } } },
    });
    return { changed: [TWO_FACTOR_SETTING] };
  });
}

export const overduePolicySchema = z.object({
  "review.overduePolicy": z.enum(OVERDUE_POLICIES, "Choose what happens to an overdue page."),
  "review.overdueGraceDays": z.coerce
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(0, "At least 0 days.")
    .max(365, "At most 365 days."),
  "evidence.maxSourceAgeYears": z.coerce
    .number({ error: "Enter a whole number of years." })
    .int("Enter a whole number of years.")
    .min(1, "At least 1 year.")
    .max(100, "At most 100 years."),
});
export type OverduePolicyInput = z.output<typeof overduePolicySchema>;

/**
 * Re-review policies: what a live page past its re-review date does (the scheduler's next tick applies it and audits
 * each page) and the source age flagged at re-review.
 */
export async function updateOverduePolicy(db: Db, actor: Actor, input: OverduePolicyInput) {
  assertCan(actor, "settings.manage", "change site policies");
  return db.$transaction(async (tx) => {
    const before = await getSettings(tx);
    const changes: Record<string, { from: string | number; to: string | number }> = {};
    for (const key of ["review.overduePolicy", "review.overdueGraceDays", "evidence.maxSourceAgeYears"] as const) {
      if (before[key] === input[key]) continue;
      changes[key] = { from: before[key], to: input[key] };
    }
    if (changes["review.overduePolicy"]) await putSetting(tx, "review.overduePolicy", input["review.overduePolicy"]);
    if (changes["review.overdueGraceDays"])
      await putSetting(tx, "review.overdueGraceDays", input["review.overdueGraceDays"]);
    if (changes["evidence.maxSourceAgeYears"])
      await putSetting(tx, "evidence.maxSourceAgeYears", input["evidence.maxSourceAgeYears"]);
    if (Object.keys(changes).length)
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "settings.updated",
        entityType: "Setting",
        entityId: "review.overduePolicy",
        data: { changes },
      });
    return { changed: Object.keys(changes) };
  });
}
