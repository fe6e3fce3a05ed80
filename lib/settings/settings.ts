// Site-wide policies, stored in the Setting table as text and read through this one typed map, so every
// default lives in one place. Admins change them in the studio (settings.manage).
import type { DbTx } from "../db/client";

export const SETTING_DEFAULTS = {
  /** Overall similarity % at or above which the plagiarism gate item fails. */
  "plagiarism.thresholdPercent": 15,
  /** Months after publication (or last review) when an article is due for medical re-review. */
  "review.intervalMonths": 12,
  /** Days before the due date when an article is listed as "due soon". */
  "review.dueSoonDays": 30,
  /** Days an assigned reviewer has to decide (the assignment's due date). */
  "review.dueDays": 7,
  /** 1: on submission, assign the least-loaded verified reviewer of the article's clinical area. */
  "review.autoAssign": 0,
  /** Reader feedback: answers one client may send per article per window (0 disables the limit: benchmarks only). */
  "feedback.rateLimitPerWindow": 5,
  "feedback.rateLimitWindowSeconds": 600,
  /** Roles that must sign in with a second factor (comma-separated; "" = nobody). See lib/auth/two-factor-policy.ts. */
  "auth.twoFactorRoles": "REVIEWER,EDITOR,ADMIN",
  /**
   * "Inaccurate"/"outdated" reports per article per hour (all readers together) that flag the article for
   * re-review; beyond it reports are kept for triage without flagging (0 = no cap).
   */
  "feedback.blockingReportsPerArticlePerHour": 3,
  /** The site's default locale (lib/translations/locales.ts): unprefixed reader addresses, new articles. */
  "locales.default": "en",
  /** Comma-separated locales articles may be written or translated in (the default is always in). */
  "locales.enabled": "en,es",
  /**
   * 1: a live translation whose source has a newer live version says so on its page ("The English version was
   * updated on …") until a translation made from that version is approved and published. 0: it does not.
   */
  "translations.sourceChangedNotice": 1,
  /** Lay reviews (lib/lay-review) an article written for patients must have on the revision before publishing. */
  "layReview.requiredPatients": 0,
  /** The same for articles written for clinicians and health professionals. */
  "layReview.requiredProfessionals": 0,
  /**
   * What a live page past its re-review date does (lib/publishing/apply-overdue-policy.ts): "notice" (a visible
   * "due for review" notice), "noindex" (the notice and a robots noindex) or "withdraw" (the notice during the
   * grace period, then taken down).
   */
  "review.overduePolicy": "notice",
  /** With the "withdraw" policy: days past the re-review date before the page is taken down. */
  "review.overdueGraceDays": 30,
  /** A cited source older than this many years is an advisory when the article is re-reviewed. */
  "evidence.maxSourceAgeYears": 10,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K] extends number ? number : string;

export async function getSetting<K extends SettingKey>(db: DbTx, key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key } });
  return decode(key, row?.value);
}

export async function getSettings(db: DbTx): Promise<{ [K in SettingKey]: SettingValue<K> }> {
  const rows = await db.setting.findMany();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_DEFAULTS) as SettingKey[]) out[key] = decode(key, byKey.get(key));
  return out as { [K in SettingKey]: SettingValue<K> };
}

/** Writes a setting. Callers that change policy record an audit event in the same transaction. */
export async function putSetting<K extends SettingKey>(db: DbTx, key: K, value: SettingValue<K>): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value: String(value) }, update: { value: String(value) } });
}

function decode<K extends SettingKey>(key: K, raw: string | undefined): SettingValue<K> {
  const fallback = SETTING_DEFAULTS[key];
  if (raw === undefined) return fallback as unknown as SettingValue<K>;
  if (typeof fallback === "number") {
    const n = Number(raw);
    return (Number.isFinite(n) ? n : fallback) as SettingValue<K>;
  }
  return raw as SettingValue<K>;
}
