// The content API's response shapes, as zod schemas. They are the one source of the contract: the OpenAPI
// document (openapi.ts) is generated from them with z.toJSONSchema, and the contract tests validate real
// responses with them and check that the served OpenAPI equals the generated one.
import { z } from "zod";

/** Schemas that appear under components.schemas in the OpenAPI document, by name. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

const isoDateTime = z.iso.datetime({ offset: true });

export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("Machine-readable code, e.g. NOT_FOUND, VALIDATION, RATE_LIMITED."),
      message: z.string().describe("What went wrong, for a person."),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("Per query parameter."),
      details: z.record(z.string(), z.unknown()).optional().describe("E.g. retryAfterSeconds on 429."),
    }),
  })
  .register(apiRegistry, { id: "Error", description: "Every error response has this shape." });

export const ReviewerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    postNominals: z.string(),
    specialty: z.string(),
    reviewedAt: isoDateTime.describe("When the reviewer approved this revision."),
    credential: z
      .object({
        issuingBody: z.string(),
        jurisdiction: z.string(),
        verifiedAt: isoDateTime.nullable(),
      })
      .describe("The credential as recorded when the reviewer signed off (a snapshot, not the live record)."),
    url: z.url().describe("The reviewer's public profile."),
  })
  .register(apiRegistry, { id: "Reviewer" });

export const ReferenceSchema = z
  .object({
    number: z.int().min(1).describe("Number as cited in the text (order of first citation)."),
    key: z.string(),
    title: z.string(),
    authors: z.string(),
    containerTitle: z.string().describe("Journal or publisher."),
    year: z.int().nullable(),
    doi: z.string().nullable(),
    url: z.string().nullable().describe("Main link: the URL, else the DOI resolver, else PubMed."),
    peerReviewed: z.boolean(),
  })
  .register(apiRegistry, { id: "Reference" });

export const SectionSchema = z
  .object({
    heading: z.string().nullable().describe("null for the text before the first heading."),
    level: z.int().min(1).max(6).nullable(),
    text: z.string().describe("Plain text of the section, paragraphs separated by blank lines."),
  })
  .register(apiRegistry, { id: "Section" });

export const TranslationLinkSchema = z
  .object({
    locale: z.string().describe("BCP 47 language code of the linked article (en, es)."),
    slug: z.string(),
    url: z.url(),
  })
  .register(apiRegistry, { id: "TranslationLink" });

export const ArticleSummarySchema = z
  .object({
    slug: z.string(),
    url: z.url(),
    locale: z.string().describe("BCP 47 language code of the article's text (en, es)."),
    translationOf: TranslationLinkSchema.nullable().describe(
      "The article this one was translated from (live), or null for an original article.",
    ),
    translations: z
      .array(TranslationLinkSchema)
      .describe(
        "The other live language versions of this article (the original and its translations), this one excluded.",
      ),
    title: z.string(),
    summary: z.string(),
    conditionName: z.string(),
    alternativeNames: z.array(z.string()),
    revision: z.int().min(1).describe("Number of the live revision."),
    firstPublishedAt: isoDateTime,
    updatedAt: isoDateTime.describe("When the live revision was published."),
    reviewerName: z.string().nullable(),
  })
  .register(apiRegistry, { id: "ArticleSummary" });

export const ArticleListSchema = z
  .object({
    data: z.array(ArticleSummarySchema),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .register(apiRegistry, { id: "ArticleList" });

export const ArticleSchema = ArticleSummarySchema.extend({
  authors: z.array(z.object({ name: z.string() })),
  reviewer: ReviewerSchema.nullable(),
  sections: z.array(SectionSchema),
  bodyHtml: z.string().describe("The sanitised HTML readers see."),
  references: z.array(ReferenceSchema),
  jsonLd: z.record(z.string(), z.unknown()).describe("schema.org MedicalWebPage, as embedded in the article page."),
}).register(apiRegistry, { id: "Article" });

export type ApiArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type ApiArticle = z.infer<typeof ArticleSchema>;
export type ApiArticleList = z.infer<typeof ArticleListSchema>;

/** Query parameters of GET /api/v1/articles. */
export const listQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(100, "limit can be at most 100.")
    .default(20),
  cursor: z.string().max(200, "That cursor is not valid.").optional(),
  updated_since: z.iso
    .datetime({ offset: true, error: "updated_since must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z." })
    .optional(),
});
