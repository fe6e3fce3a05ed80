// Admins choose the site's default locale, the locales articles may be translated into, and whether a
// translation's page says when its source was updated after it. Audited with old and new values in the same
// transaction; the public change counter is bumped because readers' pages show all three.
import { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { getSettings, putSetting } from "../settings/settings";
import { changeWhatReadersSeeEverywhere, type ChangesWhatReadersSee } from "../public/reader-change";
import { AppError } from "../errors";
import { KNOWN_LOCALE_CODES, languageList, localeName } from "./locales";

const localeCode = z.enum(KNOWN_LOCALE_CODES as [string, ...string[]], "Choose one of the listed languages.");

export const localeSettingsSchema = z.object({
  defaultLocale: localeCode,
  enabled: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(localeCode)),
  // A checkbox: present when ticked.
  sourceChangedNotice: z
    .union([z.literal("1"), z.literal("on"), z.literal(1), z.literal("")])
    .optional()
    .transform((v) => (v === "1" || v === "on" || v === 1 ? 1 : 0)),
});
export type LocaleSettingsInput = z.output<typeof localeSettingsSchema>;

export async function updateLocaleSettings(
  db: Db,
  actor: Actor,
  input: LocaleSettingsInput,
): Promise<{ changed: string[] } & ChangesWhatReadersSee> {
  assertCan(actor, "settings.manage", "change site policies");
  const enabled = KNOWN_LOCALE_CODES.filter((c) => c === input.defaultLocale || input.enabled.includes(c));
  return db.$transaction(async (tx) => {
    // A language with articles in it stays enabled: its articles would otherwise have no address.
    const inUse = await tx.article.findMany({
      where: { locale: { notIn: enabled } },
      select: { locale: true },
      distinct: ["locale"],
    });
    if (inUse.length)
      throw new AppError(
        "CONFLICT",
        `Articles are written in ${languageList(inUse.map((a) => a.locale))}: keep ${inUse.length === 1 ? "it" : "them"} enabled (archive or delete those articles first).`,
        { fieldErrors: { enabled: [`${localeName(inUse[0].locale)} has articles.`] } },
      );
    const before = await getSettings(tx);
    const next = {
      "locales.default": input.defaultLocale,
      "locales.enabled": enabled.join(","),
      "translations.sourceChangedNotice": input.sourceChangedNotice,
    } as const;
    const changes: Record<string, { from: string | number; to: string | number }> = {};
    for (const key of Object.keys(next) as Array<keyof typeof next>) {
      if (before[key] === next[key]) continue;
      changes[key] = { from: before[key], to: next[key] };
    }
    if (!Object.keys(changes).length) return { changed: [], readerChange: null };
    await putSetting(tx, "locales.default", next["locales.default"]);
    await putSetting(tx, "locales.enabled", next["locales.enabled"]);
    await putSetting(tx, "translations.sourceChangedNotice", next["translations.sourceChangedNotice"]);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "settings.updated",
      entityType: "Setting",
      entityId: "locales",
      data: { changes },
    });
    return { changed: Object.keys(changes), readerChange: await changeWhatReadersSeeEverywhere(tx) };
  });
}
