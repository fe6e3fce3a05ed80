// What the editor's live panel posts to /api/checks: the unsaved working copy.
import { z } from "zod";
import { AUDIENCES } from "./audience";
import { READER_LOCALES } from "../i18n/locales";

export const MAX_CHECK_BODY_BYTES = 2 * 1024 * 1024 + 256 * 1024;

export const checkInputSchema = z.object({
  title: z.string().max(500, "The title is too long.").default(""),
  summary: z.string().max(5_000, "The summary is too long.").default(""),
  conditionName: z.string().max(300).nullish(),
  body: z.unknown(),
  references: z
    .array(
      z.object({
        key: z.string().min(1).max(64),
        title: z.string().max(1_000).nullish(),
        url: z.string().max(2_048).nullish(),
        doi: z.string().max(300).nullish(),
        pmid: z.string().max(30).nullish(),
        needsDetails: z.boolean().nullish(),
      }),
    )
    .max(500, "At most 500 references.")
    .default([]),
  /** The article's audience (sets the readability target); the default is the general public. */
  audience: z.enum(AUDIENCES).optional(),
  /** The article's language (the dictionary and the readability formula); the default is English. */
  locale: z.enum(READER_LOCALES).optional(),
});
