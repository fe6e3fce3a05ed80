// Article slugs: generated from the title, editable, unique. A slug is the public URL, so it is only
// changeable until the article is first published (after that, links in the wild would break).
import { z } from "zod";
import type { DbTx } from "../db/client";

export const SLUG_MAX = 80;
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "The slug needs at least 3 characters.")
  .max(SLUG_MAX, `The slug can have at most ${SLUG_MAX} characters.`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens (e.g. calcinosis-cutis).");

export function slugify(text: string): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = base.slice(0, SLUG_MAX).replace(/-+$/, "");
  return cut.length >= 3 ? cut : `article${cut ? `-${cut}` : ""}`;
}

/** The first free slug among base, base-2, base-3, … (ignoring the article itself when renaming). */
export async function uniqueSlug(db: DbTx, base: string, exceptArticleId?: string): Promise<string> {
  const taken = new Set(
    (await db.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true, id: true } }))
      .filter((a) => a.id !== exceptArticleId)
      .map((a) => a.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
