// An article's funding and sponsorship: not recorded yet, none, or who funded or sponsored it and what.
// Stored on Article.fundingJson; set in the article's settings (audited, by its writers and editors), copied
// into the publication's disclosure snapshot at publish time.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { assertCanEditArticle } from "../articles/article-access";
import { recordAuditEvent } from "../audit/record-event";
import { AppError } from "../errors";

export const FUNDING_RELATIONS = ["funder", "sponsor"] as const;
export type FundingRelation = (typeof FUNDING_RELATIONS)[number];

export interface FundingSource {
  relation: FundingRelation;
  name: string;
  /** What they gave or did ("unrestricted educational grant"). */
  detail: string;
}

/** null: not recorded yet. */
export type ArticleFunding = { none: true } | { none: false; sources: FundingSource[] } | null;

export function parseFunding(json: string): ArticleFunding {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as { none?: unknown; sources?: unknown };
    if (v.none === true) return { none: true };
    if (!Array.isArray(v.sources)) return null;
    const sources = v.sources
      .filter((s): s is FundingSource => {
        const x = s as Partial<FundingSource>;
        return (
          !!x &&
          typeof x.name === "string" &&
          typeof x.detail === "string" &&
          (FUNDING_RELATIONS as readonly unknown[]).includes(x.relation)
        );
      })
      .map((s) => ({ relation: s.relation, name: s.name, detail: s.detail }));
    return sources.length ? { none: false, sources } : null;
  } catch {
    return null;
  }
}

export async function loadArticleFunding(db: DbTx, articleId: string): Promise<ArticleFunding> {
  const row = await db.article.findUnique({ where: { id: articleId }, select: { fundingJson: true } });
  return parseFunding(row?.fundingJson ?? "");
}

/** The organisations an article names as funder or sponsor. */
export function fundingOrganisations(funding: ArticleFunding): string[] {
  return funding && !funding.none ? funding.sources.map((s) => s.name) : [];
}

/** "Funding: …" as readers read it. */
export function describeFunding(funding: ArticleFunding): string {
  if (!funding) return "Not stated.";
  if (funding.none) return "None. No external funding or sponsorship.";
  return funding.sources
    .map(
      (s) => `${s.relation === "funder" ? "Funded by" : "Sponsored by"} ${s.name}${s.detail ? ` (${s.detail})` : ""}`,
    )
    .join("; ")
    .concat(".");
}

const sourceSchema = z.object({
  relation: z.enum(FUNDING_RELATIONS, { error: "Say whether the organisation funded or sponsored the article." }),
  name: z
    .string()
    .trim()
    .min(2, "Name the organisation (at least 2 characters).")
    .max(200, "Keep the name under 200 characters."),
  detail: z.string().trim().max(500, "Keep the description under 500 characters.").default(""),
});

export const articleFundingSchema = z
  .object({
    articleId: z.string().min(1, "The article is missing; reload the page."),
    none: z.boolean(),
    sources: z.array(sourceSchema).max(10, "Name at most 10 organisations.").default([]),
  })
  .refine((v) => v.none || v.sources.length > 0, {
    message: "Name who funded or sponsored the article, or choose “No funding or sponsorship”.",
    path: ["sources"],
  });
export type ArticleFundingInput = z.output<typeof articleFundingSchema>;

/** The settings form's fields (none = yes/no; rows relationN / nameN / detailN, empty names skipped). */
export const articleFundingFormSchema = z.preprocess((raw) => {
  const v = (raw ?? {}) as Record<string, unknown>;
  if (Array.isArray(v.sources)) return v;
  const sources = [];
  for (let i = 0; i < 10; i++) {
    const name = typeof v[`name${i}`] === "string" ? String(v[`name${i}`]).trim() : "";
    if (name) sources.push({ relation: v[`relation${i}`], name, detail: v[`detail${i}`] ?? "" });
  }
  const none = v.none === "yes" || v.none === true;
  return { articleId: v.articleId, none, sources: none ? [] : sources };
}, articleFundingSchema);

export async function updateArticleFunding(db: Db, actor: Actor, input: ArticleFundingInput): Promise<ArticleFunding> {
  const funding: ArticleFunding = input.none ? { none: true } : { none: false, sources: input.sources };
  return db.$transaction(async (tx) => {
    await assertCanEditArticle(tx, actor, input.articleId);
    const before = await tx.article.findUnique({ where: { id: input.articleId }, select: { fundingJson: true } });
    if (!before) throw new AppError("NOT_FOUND", "That article does not exist.");
    const json = JSON.stringify(funding);
    if (before.fundingJson === json) return funding;
    await tx.article.update({ where: { id: input.articleId }, data: { fundingJson: json } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.funding_changed",
      entityType: "Article",
      entityId: input.articleId,
      data: { funding, previous: parseFunding(before.fundingJson) },
    });
    return funding;
  });
}
