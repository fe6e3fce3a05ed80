// Dates readers see, e.g. "August 28, 2023". Always in UTC so the cached page does not depend on the server's
// time zone (a page built in one zone and served from another would otherwise show a different day).
const LONG = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export function formatLongDate(iso: string | Date): string {
  return LONG.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** yyyy-mm-dd, for `lastReviewed` in JSON-LD and sitemap `lastmod`. */
export function isoDay(iso: string | Date): string {
  return (typeof iso === "string" ? new Date(iso) : iso).toISOString().slice(0, 10);
}
