// Alternative names of a condition (lay terms, abbreviations, older names). Stored as a JSON array of strings
// on the working draft and frozen into each revision; readers see only the live revision's list.
import { z } from "zod";

export const ALTERNATIVE_NAMES_MAX = 20;
export const ALTERNATIVE_NAME_MAX_LENGTH = 120;

/** Trims, collapses spaces, drops empties and case-insensitive repeats, keeps the writer's order. */
export function normalizeAlternativeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, " ").trim();
    const key = name.toLocaleLowerCase("en");
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Reads a stored list; anything malformed reads as no names rather than failing a page. */
export function parseAlternativeNames(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? normalizeAlternativeNames(value.filter((v): v is string => typeof v === "string"))
      : [];
  } catch {
    return [];
  }
}

/** The form field: one name per line (commas are part of names such as "Ehlers-Danlos, classic type"). */
export const alternativeNamesTextSchema = z
  .string()
  .max(5000, "Too much text: give at most 20 names, one per line.")
  .transform((text) => normalizeAlternativeNames(text.split(/\r?\n/)))
  .refine((names) => names.length <= ALTERNATIVE_NAMES_MAX, `Give at most ${ALTERNATIVE_NAMES_MAX} names.`)
  .refine(
    (names) => names.every((n) => n.length <= ALTERNATIVE_NAME_MAX_LENGTH),
    `Each name can have at most ${ALTERNATIVE_NAME_MAX_LENGTH} characters.`,
  );
