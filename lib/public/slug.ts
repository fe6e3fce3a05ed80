// Shape of a public slug: lower-case words joined by single hyphens. Anything else is answered "not found"
// without touching the database, which also lets the build prerender a placeholder path with no database.
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isPublicSlug(value: string): boolean {
  return value.length > 0 && value.length <= 200 && SLUG_RE.test(value);
}

/** Ids are cuids (lower-case letters and digits). */
export function isPublicId(value: string): boolean {
  return /^[a-z0-9]{8,40}$/.test(value);
}
