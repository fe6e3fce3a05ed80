// Site identity used in absolute URLs (JSON-LD, sitemap, RSS). Read from the environment at run time, never
// from the request: the article page is cached whole and must not depend on who asked.
import { localizedPath, toReaderLocale } from "../i18n/locales";

export const SITE_NAME = "Imprimatur Health";
export const SITE_DESCRIPTION =
  "Health articles written by writers, checked by credentialed medical reviewers, with numbered sources.";

/** Absolute origin without trailing slash: SITE_URL, else NEXTAUTH_URL, else the local default. */
export function siteUrl(): string {
  const raw = process.env.SITE_URL || process.env.NEXTAUTH_URL || "http://localhost:3000";
  return raw.replace(/\/+$/, "");
}

/** An article's address: /articles/<slug> in the default language, /<locale>/articles/<slug> in another. */
export function articlePath(slug: string, locale?: string | null): string {
  return localizedPath(toReaderLocale(locale), `/articles/${encodeURIComponent(slug)}`);
}

export function reviewerPath(userId: string): string {
  return `/reviewers/${encodeURIComponent(userId)}`;
}

export const EDITORIAL_POLICY_PATH = "/editorial-policy";
