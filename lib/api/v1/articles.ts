// The content API's read model: published articles only (the live revision), as the schemas in ./schemas.ts
// describe them. Listing is ordered by last update, oldest first, with an opaque cursor, so a syndication
// partner can poll `updated_since=<last seen>` and follow `nextCursor` without missing or repeating anything.
// Each call runs a fixed number of queries whatever the page size.
import { z } from "zod";
import type { DbTx } from "../../db/client";
import { AppError } from "../../errors";
import { parseInput } from "../../validation";
import { parseAlternativeNames } from "../../content/alternative-names";
import { parseDocument } from "../../content/document-schema";
import { blockText } from "../../content/text";
import { getPublicArticle } from "../../public/get-public-article";
import { buildArticleJsonLd } from "../../public/json-ld";
import { liveArticleWhere, standingApprovalWhere } from "../../public/live-filter";
import { parseCredentialSnapshot, publicCredential } from "../../credentials/credential-standing";
import { reviewerPath } from "../../public/site";
import { isPublicSlug } from "../../public/slug";
import { listQuerySchema, type ApiArticle, type ApiArticleList } from "./schemas";
import {
  loadTranslationGroup,
  loadTranslationGroups,
  type TranslationLink,
} from "../../translations/translation-group";
import { translationPath } from "../../translations/translation-path";

interface Cursor {
  at: number;
  id: string;
}

const cursorSchema = z.object({ at: z.number().int(), id: z.string().min(1).max(64) });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new AppError("VALIDATION", "That cursor is not valid: pass nextCursor from a previous page as it was.", {
      fieldErrors: { cursor: ["Not a cursor this API gave out."] },
    });
  }
}

export async function listArticlesV1(db: DbTx, query: unknown, origin: string): Promise<ApiArticleList> {
  const q = parseInput(listQuerySchema, query, "Please correct the query parameters.");
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const and: object[] = [liveArticleWhere, { lastPublishedAt: { not: null } }];
  if (q.updated_since) and.push({ lastPublishedAt: { gte: new Date(q.updated_since) } });
  if (cursor)
    and.push({
      OR: [
        { lastPublishedAt: { gt: new Date(cursor.at) } },
        { lastPublishedAt: new Date(cursor.at), id: { gt: cursor.id } },
      ],
    });
  const rows = await db.article.findMany({
    where: { AND: and },
    orderBy: [{ lastPublishedAt: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    select: {
      id: true,
      slug: true,
      locale: true,
      conditionName: true,
      firstPublishedAt: true,
      lastPublishedAt: true,
      liveRevision: {
        select: {
          number: true,
          title: true,
          summary: true,
          conditionName: true,
          alternativeNames: true,
          reviews: {
            where: standingApprovalWhere,
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { credentialSnapshot: true },
          },
        },
      },
    },
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const groups = await loadTranslationGroups(
    db,
    page.map((r) => r.id),
  );
  return {
    data: page.flatMap((row) => {
      const rev = row.liveRevision;
      if (!rev || !row.lastPublishedAt) return [];
      return [
        {
          slug: row.slug,
          url: origin + translationPath(row),
          ...translationFields(groups.get(row.id) ?? [], row.id, origin),
          title: rev.title,
          summary: rev.summary,
          conditionName: rev.conditionName || row.conditionName,
          alternativeNames: parseAlternativeNames(rev.alternativeNames),
          revision: rev.number,
          firstPublishedAt: (row.firstPublishedAt ?? row.lastPublishedAt).toISOString(),
          updatedAt: row.lastPublishedAt.toISOString(),
          reviewerName: publicCredential(rev.reviews[0]?.credentialSnapshot)?.displayName ?? null,
        },
      ];
    }),
    nextCursor:
      rows.length > q.limit && last?.lastPublishedAt
        ? encodeCursor({ at: last.lastPublishedAt.getTime(), id: last.id })
        : null,
  };
}

export async function getArticleV1(db: DbTx, slug: string, origin: string): Promise<ApiArticle> {
  const notFound = () => new AppError("NOT_FOUND", "No published article has that slug.");
  if (!isPublicSlug(slug)) throw notFound();
  const article = await getPublicArticle(db, slug);
  if (!article) throw notFound();
  // What the readers' model leaves out: alternative names, the structure of the body, the credential details.
  const extra = await db.revision.findUniqueOrThrow({
    where: { id: article.revisionId },
    select: {
      alternativeNames: true,
      bodyJson: true,
      reviews: {
        where: standingApprovalWhere,
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { credentialSnapshot: true },
      },
    },
  });
  const credential = readCredentialDetails(extra.reviews[0]?.credentialSnapshot);
  const own = await db.article.findUniqueOrThrow({
    where: { slug: article.slug },
    select: { id: true, locale: true, slug: true },
  });
  const group = await loadTranslationGroup(db, own.id);
  return {
    slug: article.slug,
    url: origin + translationPath(own),
    ...translationFields(group, own.id, origin),
    title: article.title,
    summary: article.summary,
    conditionName: article.conditionName,
    alternativeNames: parseAlternativeNames(extra.alternativeNames),
    revision: article.revisionNumber,
    firstPublishedAt: article.firstPublishedAt,
    updatedAt: article.lastModifiedAt,
    reviewerName: article.review?.displayName ?? null,
    authors: article.authors.map((a) => ({ name: a.name })),
    reviewer: article.review
      ? {
          id: article.review.reviewerId,
          name: article.review.displayName,
          postNominals: article.review.postNominals,
          specialty: article.review.specialty,
          reviewedAt: article.review.reviewedAt,
          credential,
          url: origin + reviewerPath(article.review.reviewerId),
        }
      : null,
    sections: sectionsOf(extra.bodyJson),
    bodyHtml: article.bodyHtml,
    references: article.references.map((r) => ({
      number: r.number,
      key: r.key,
      title: r.title,
      authors: r.authors,
      containerTitle: r.containerTitle,
      year: r.year,
      doi: r.doi,
      url: r.href,
      peerReviewed: r.peerReviewed,
    })),
    jsonLd: buildArticleJsonLd(article, origin),
  };
}

/** The article's own locale and its live language versions (a group as lib/translations lists it). */
function translationFields(group: TranslationLink[], articleId: string, origin: string) {
  const self = group.find((g) => g.articleId === articleId);
  const link = (g: TranslationLink) => ({ locale: g.locale, slug: g.slug, url: origin + translationPath(g) });
  const source = group.find((g) => g.isSource && g.articleId !== articleId && g.live);
  return {
    locale: self?.locale ?? "en",
    translationOf: self && !self.isSource && source ? link(source) : null,
    translations: group.filter((g) => g.articleId !== articleId && g.live).map(link),
  };
}

/** The credential details an approval recorded, read through the one snapshot parser. */
function readCredentialDetails(json: string | undefined) {
  const s = parseCredentialSnapshot(json);
  const verifiedAt =
    s?.verifiedAt && !Number.isNaN(Date.parse(s.verifiedAt)) ? new Date(s.verifiedAt).toISOString() : null;
  return { issuingBody: s?.issuingBody ?? "", jurisdiction: s?.jurisdiction ?? "", verifiedAt };
}

/** The body split at its headings: each section's heading and plain text. */
export function sectionsOf(bodyJson: string): ApiArticle["sections"] {
  const sections: ApiArticle["sections"] = [];
  let current: { heading: string | null; level: number | null; parts: string[] } | null = null;
  for (const block of parseDocument(bodyJson).content) {
    if (block.type === "heading") {
      if (current) sections.push(finish(current));
      current = { heading: blockText(block), level: block.attrs.level, parts: [] };
    } else {
      current ??= { heading: null, level: null, parts: [] };
      current.parts.push(blockText(block));
    }
  }
  if (current) sections.push(finish(current));
  return sections;
}

function finish(s: { heading: string | null; level: number | null; parts: string[] }) {
  return { heading: s.heading, level: s.level, text: s.parts.join("\n\n") };
}
