// Validation of structured references as writers enter them (form strings) or the importer produces them.
// Empty strings mean "not given". DOIs and PubMed ids are accepted in their common pasted forms
// (https://doi.org/10…, doi:10…, "PMID: 123") and stored bare.
import { z } from "zod";
import { isSafeHttpUrl } from "../content/document-schema";

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export function normaliseDoi(value: string): string {
  return value
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "");
}

export function normalisePmid(value: string): string {
  return value.trim().replace(/^pmid:?\s*/i, "");
}

export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

export const referenceInputSchema = z.object({
  authors: z.string().trim().max(1000, "At most 1000 characters.").default(""),
  title: z
    .string({ error: "Every reference needs a title." })
    .trim()
    .min(1, "Every reference needs a title.")
    .max(500, "At most 500 characters."),
  containerTitle: z.string().trim().max(300, "At most 300 characters.").default(""),
  year: z
    .preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v.trim())) : v),
      z
        .number({ error: "The year must be a number such as 2021." })
        .int("The year must be a whole number.")
        .min(1500, "That year looks wrong.")
        .max(new Date().getUTCFullYear() + 1, "The year cannot be in the future.")
        .nullable(),
    )
    .default(null),
  url: z
    .preprocess(
      emptyToNull,
      z
        .string()
        .trim()
        .max(2048, "That address is too long.")
        .refine(isSafeHttpUrl, "Use a full http:// or https:// address.")
        .nullable(),
    )
    .default(null),
  doi: z
    .preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? null : normaliseDoi(v)) : v),
      z
        .string()
        .max(300, "That DOI is too long.")
        .regex(DOI_PATTERN, "A DOI looks like 10.1234/abcd (prefix 10., a number, a slash, then the suffix).")
        .nullable(),
    )
    .default(null),
  pmid: z
    .preprocess(
      (v) =>
        typeof v === "string" ? (v.trim() === "" ? null : normalisePmid(v)) : typeof v === "number" ? String(v) : v,
      z
        .string()
        .regex(/^\d{1,9}$/, "A PubMed ID (PMID) is digits only, e.g. 33375123.")
        .nullable(),
    )
    .default(null),
  accessedAt: z
    .preprocess(
      (v) => {
        if (v == null || (typeof v === "string" && v.trim() === "")) return null;
        if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return new Date(`${v.trim()}T00:00:00.000Z`);
        return typeof v === "string" ? new Date(v) : v;
      },
      z
        .date({ error: "Give the accessed date as YYYY-MM-DD." })
        .refine((d) => !Number.isNaN(d.getTime()), "Give the accessed date as YYYY-MM-DD.")
        .nullable(),
    )
    .default(null),
  peerReviewed: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()).default(false),
  /** The writer has still to complete or check this reference (set by the importer; unticked by the writer). */
  needsDetails: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()).default(false),
});
export type ReferenceInput = z.input<typeof referenceInputSchema>;
export type ReferenceData = z.output<typeof referenceInputSchema>;
