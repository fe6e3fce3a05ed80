// Creates an article with its working draft, the creator as its first writer, and an audit event.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { conditionTemplate } from "../content/condition-template";
import { EMPTY_DOCUMENT, parseDocument, type DocumentJson } from "../content/document-schema";
import { insertReferences } from "../references/manage-references";
import type { ReferenceData } from "../references/reference-schema";
import { slugify, slugSchema, uniqueSlug } from "./slug";

export const createArticleSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Give the article a title (at least 3 characters).")
    .max(200, "Titles can have at most 200 characters."),
  conditionName: z.string().trim().max(200, "At most 200 characters.").optional(),
  summary: z.string().trim().max(1000, "Summaries can have at most 1000 characters.").optional(),
  slug: z.union([z.literal(""), slugSchema]).optional(),
  template: z.enum(["condition", "blank"]).optional(),
});
export type CreateArticleInput = z.output<typeof createArticleSchema>;

export async function createArticle(
  db: Db,
  actor: Actor,
  input: CreateArticleInput,
  opts: { body?: DocumentJson; references?: Array<ReferenceData & { key: string }>; source?: string } = {},
) {
  assertCan(actor, "article.create", "create articles");
  const data = {
    ...input,
    conditionName: input.conditionName ?? "",
    summary: input.summary ?? "",
    template: input.template ?? "condition",
  };
  const body = opts.body
    ? parseDocument(opts.body)
    : data.template === "condition"
      ? conditionTemplate()
      : EMPTY_DOCUMENT;

  return db.$transaction(async (tx) => {
    let slug: string;
    if (data.slug) {
      const clash = await tx.article.findUnique({ where: { slug: data.slug }, select: { id: true } });
      if (clash)
        throw new AppError("CONFLICT", "That slug is already used by another article.", {
          fieldErrors: { slug: ["That slug is already used by another article."] },
        });
      slug = data.slug;
    } else {
      slug = await uniqueSlug(tx, slugify(data.title));
    }
    const article = await tx.article.create({
      data: {
        slug,
        conditionName: data.conditionName,
        createdById: actor.id,
        authors: { create: [{ userId: actor.id }] },
        draft: {
          create: {
            title: data.title,
            summary: data.summary,
            conditionName: data.conditionName,
            bodyJson: JSON.stringify(body),
            editorIds: JSON.stringify([actor.id]),
            lastEditorId: actor.id,
          },
        },
      },
    });
    if (opts.references?.length) await insertReferences(tx, article.id, opts.references);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.created",
      entityType: "Article",
      entityId: article.id,
      data: {
        slug,
        template: opts.body ? (opts.source ?? "import") : data.template,
        references: opts.references?.length ?? 0,
      },
    });
    return article;
  });
}
