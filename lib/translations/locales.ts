// The languages articles can be written and translated in, and the site's choice among them (admin settings
// "locales.default" and "locales.enabled"). A locale code is a BCP 47 primary language subtag ("en", "es"):
// it is what <html lang>, hreflang and the readers' address (/<locale>/articles/<slug>) use.
import type { DbTx } from "../db/client";
import { getSettings } from "../settings/settings";

export interface LocaleInfo {
  code: string;
  /** The language's name in English (the studio's language). */
  name: string;
  /** The language's name in itself (a language switcher for readers). */
  nativeName: string;
}

/** Every locale the software ships chrome, spelling and search support for. Order: how lists show them. */
export const KNOWN_LOCALES: readonly LocaleInfo[] = [
  { code: "en", name: "English", nativeName: "English" },
  { code: "es", name: "Spanish", nativeName: "Español" },
];

export const KNOWN_LOCALE_CODES = KNOWN_LOCALES.map((l) => l.code);

export function isKnownLocale(code: string): boolean {
  return KNOWN_LOCALE_CODES.includes(code);
}

/** "Spanish" for "es"; the code itself for a locale the software does not know (never thrown on). */
export function localeName(code: string): string {
  return KNOWN_LOCALES.find((l) => l.code === code)?.name ?? code;
}

export function localeNativeName(code: string): string {
  return KNOWN_LOCALES.find((l) => l.code === code)?.nativeName ?? code;
}

export interface SiteLocales {
  /** The locale of the site's unprefixed addresses and of new articles. */
  defaultLocale: string;
  /** Locales articles may be written or translated in; always includes the default, in KNOWN_LOCALES order. */
  enabled: string[];
}

/** Reads "en,es" leniently: unknown codes and repeats are dropped, the default is always in. */
export function parseEnabledLocales(raw: string, defaultLocale: string): string[] {
  const wanted = new Set(
    raw
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(isKnownLocale),
  );
  wanted.add(defaultLocale);
  return KNOWN_LOCALE_CODES.filter((c) => wanted.has(c));
}

export async function getSiteLocales(db: DbTx): Promise<SiteLocales> {
  const settings = await getSettings(db);
  const raw = settings["locales.default"];
  const defaultLocale = isKnownLocale(raw) ? raw : "en";
  return { defaultLocale, enabled: parseEnabledLocales(settings["locales.enabled"], defaultLocale) };
}

/** A credential's languages (stored as a JSON array of locale codes); unreadable → none. */
export function parseLanguages(json: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    if (!Array.isArray(value)) return [];
    return [...new Set(value.filter((v): v is string => typeof v === "string" && isKnownLocale(v)))];
  } catch {
    return [];
  }
}

/** "English and Spanish", for sentences. */
export function languageList(codes: readonly string[]): string {
  const names = codes.map(localeName);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
