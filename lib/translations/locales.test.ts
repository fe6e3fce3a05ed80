import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { viaSchema } from "../../tests/helpers/via-schema";
import { listAuditEvents } from "../audit/list-audit-events";
import { readPublicChange } from "../page-cache/public-change";
import { getSiteLocales, languageList, parseEnabledLocales, parseLanguages } from "./locales";
import { localeSettingsSchema, updateLocaleSettings } from "./update-locale-settings";
import { loadTranslationGroup, loadTranslationGroups } from "./translation-group";
import { sourceUpdatedNotice } from "./source-notice";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("locales", () => {
  it("reads the enabled list leniently and always keeps the default", () => {
    expect(parseEnabledLocales("es, EN ,xx,es", "en")).toEqual(["en", "es"]);
    expect(parseEnabledLocales("", "es")).toEqual(["es"]);
    expect(parseLanguages('["es","en","es","zz",3]')).toEqual(["es", "en"]);
    expect(parseLanguages("not json")).toEqual([]);
    expect(languageList(["en", "es"])).toBe("English and Spanish");
  });

  it("ships English and Spanish, English by default", async () => {
    expect(await getSiteLocales(t.db)).toEqual({ defaultLocale: "en", enabled: ["en", "es"] });
  });

  it("only admins change the locale settings; a language with articles stays enabled; audited", async () => {
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    const input = { defaultLocale: "en", enabled: ["en"], sourceChangedNotice: "" };
    await expect(
      viaSchema(localeSettingsSchema, input, (i) => updateLocaleSettings(t.db, editor, i)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const before = await readPublicChange(t.db);
    const r = await viaSchema(localeSettingsSchema, input, (i) => updateLocaleSettings(t.db, admin, i));
    expect(r.changed.sort()).toEqual(["locales.enabled", "translations.sourceChangedNotice"]);
    expect(await getSiteLocales(t.db)).toEqual({ defaultLocale: "en", enabled: ["en"] });
    expect(await readPublicChange(t.db)).toBe(before + 1);
    const { events } = await listAuditEvents(t.db, { action: "settings" });
    expect(JSON.parse(events[0].dataJson).changes["locales.enabled"]).toEqual({ from: "en,es", to: "en" });

    await viaSchema(
      localeSettingsSchema,
      { defaultLocale: "en", enabled: ["en", "es"], sourceChangedNotice: "1" },
      (i) => updateLocaleSettings(t.db, admin, i),
    );
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const es = await makeArticle(t.db, { authorId: writer.id });
    await t.db.article.update({ where: { id: es.id }, data: { locale: "es" } });
    await expect(
      viaSchema(localeSettingsSchema, input, (i) => updateLocaleSettings(t.db, admin, i)),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Spanish") });
    await expect(
      viaSchema(localeSettingsSchema, { ...input, defaultLocale: "fr" }, (i) => updateLocaleSettings(t.db, admin, i)),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("translation groups", () => {
  it("lists the source first, then its translations, from any member, in two queries for many", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const source = await makeArticle(t.db, { authorId: writer.id });
    const es = await makeArticle(t.db, { authorId: writer.id });
    const alone = await makeArticle(t.db, { authorId: writer.id });
    await t.db.article.update({ where: { id: es.id }, data: { locale: "es", translationOfId: source.id } });
    const group = await loadTranslationGroup(t.db, es.id);
    expect(group.map((g) => [g.articleId, g.locale, g.isSource, g.live])).toEqual([
      [source.id, "en", true, false],
      [es.id, "es", false, false],
    ]);
    const many = await loadTranslationGroups(t.db, [source.id, alone.id]);
    expect(many.get(source.id)).toEqual(group);
    expect(many.get(alone.id)!.map((g) => g.articleId)).toEqual([alone.id]);
  });

  it("a translation's notice shows only with a newer live source and the policy on", () => {
    const at = new Date("2026-12-01T00:00:00Z");
    const tr = { translationOfId: "s", liveSourceUpdatedAt: at };
    expect(sourceUpdatedNotice(tr, "en", 1)).toEqual({ sourceLocale: "en", sourceLanguage: "English", updatedAt: at });
    expect(sourceUpdatedNotice(tr, "en", 0)).toBeNull();
    expect(sourceUpdatedNotice({ ...tr, liveSourceUpdatedAt: null }, "en", 1)).toBeNull();
    expect(sourceUpdatedNotice({ ...tr, translationOfId: null }, "en", 1)).toBeNull();
  });
});
