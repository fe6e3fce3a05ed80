// The studio's side-by-side translation screen: each block of the source text the translation was made from
// beside the translation's block at the same place, with the translator's "done" marks, and — when a newer
// source revision went live — that revision's changes since the translation's base, block by block (the same
// comparison as the review screen and History → Compare).
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { assertCanReadArticle, loadArticleAccess } from "../articles/article-access";
import { parseDocument, type DocumentJson } from "../content/document-schema";
import { parseReferencesJson, toReferenceSnapshot } from "../content/reference-snapshot";
import { renderDocument } from "../content/render";
import { parseImagesJson } from "../content/image-snapshot";
import { compareVersions, type ComparedVersions } from "../revisions/compare-versions";
import { unchangedBlockPairs } from "../revisions/diff-revisions";
import { toCitationStyle } from "../references/citation-styles";
import { parseDoneBlocks } from "./done-blocks";
import { localeName } from "./locales";

export interface TranslationRow {
  /** Index of the block in the base source revision (what a done mark names). */
  index: number;
  blockType: string;
  /** Sanitised HTML rendered by lib/content/render.ts (citations numbered as on the page). */
  sourceHtml: string;
  /** The translation's block at the same place ("" when the translation has fewer blocks). */
  translationHtml: string;
  done: boolean;
  /** The source changed (or removed) this block in the revision that went live after the base. */
  changedInSource: boolean;
}

const EMPTY: DocumentJson = { type: "doc", content: [] };

function safeDocument(json: string | null | undefined): DocumentJson {
  try {
    return parseDocument(json ?? "");
  } catch {
    return EMPTY;
  }
}

export async function loadTranslationWorkspace(db: DbTx, actor: Actor, articleId: string) {
  await assertCanReadArticle(db, actor, articleId);
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      locale: true,
      status: true,
      citationStyle: true,
      sourceChangedAt: true,
      liveSourceUpdatedAt: true,
      translationBaseHash: true,
      draft: { select: { title: true, bodyJson: true, doneBlocksJson: true } },
      translationBase: true,
      translationOf: {
        select: {
          id: true,
          slug: true,
          locale: true,
          lastPublishedAt: true,
          liveRevision: true,
          draft: { select: { title: true } },
        },
      },
    },
  });
  const source = article.translationOf;
  if (!source) throw new AppError("NOT_FOUND", "This article is not a translation.");
  const base = article.translationBase;
  const references = (
    await db.reference.findMany({ where: { articleId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] })
  ).map(toReferenceSnapshot);

  const baseBody = safeDocument(base?.bodyJson);
  const baseRender = renderDocument(
    baseBody,
    base ? parseReferencesJson(base.referencesJson) : [],
    base ? parseImagesJson(base.imagesJson) : [],
  );
  const draftRender = renderDocument(safeDocument(article.draft?.bodyJson), references);

  const live = source.liveRevision;
  const behind = !!live && live.contentHash !== article.translationBaseHash;
  let sourceChanged: {
    liveRevisionId: string;
    liveNumber: number;
    baseNumber: number | null;
    updatedAt: Date | null;
    compared: ComparedVersions;
  } | null = null;
  let unchanged = new Set(baseBody.content.map((_, i) => i));
  if (behind && live) {
    const liveBody = safeDocument(live.bodyJson);
    const version = (r: NonNullable<typeof base>, body: DocumentJson) => ({
      title: r.title,
      summary: r.summary,
      conditionName: r.conditionName,
      body,
      references: parseReferencesJson(r.referencesJson),
    });
    const before = base ? version(base, baseBody) : { ...version(live, EMPTY), title: "", summary: "" };
    sourceChanged = {
      liveRevisionId: live.id,
      liveNumber: live.number,
      baseNumber: base?.number ?? null,
      updatedAt: article.sourceChangedAt ?? source.lastPublishedAt,
      compared: compareVersions(before, version(live, liveBody), toCitationStyle(article.citationStyle)),
    };
    unchanged = new Set(unchangedBlockPairs(baseBody, liveBody).map(([i]) => i));
  }

  const done = new Set(parseDoneBlocks(article.draft?.doneBlocksJson));
  const rows: TranslationRow[] = baseRender.blocks.map((html, index) => ({
    index,
    blockType: baseBody.content[index]?.type ?? "paragraph",
    sourceHtml: html,
    translationHtml: draftRender.blocks[index] ?? "",
    done: done.has(index),
    changedInSource: !unchanged.has(index),
  }));
  const access = await loadArticleAccess(db, actor, articleId);
  return {
    article: { id: article.id, slug: article.slug, locale: article.locale, language: localeName(article.locale) },
    title: article.draft?.title ?? "",
    source: {
      id: source.id,
      slug: source.slug,
      locale: source.locale,
      language: localeName(source.locale),
      title: source.draft?.title ?? live?.title ?? "",
    },
    base: base ? { revisionId: base.id, number: base.number } : null,
    rows,
    /** Blocks the translation has beyond the source's (shown under the pairs so nothing is hidden). */
    extraTranslationHtml: draftRender.blocks.slice(baseRender.blocks.length),
    doneCount: rows.filter((r) => r.done).length,
    sourceChanged,
    liveSourceUpdatedAt: article.liveSourceUpdatedAt,
    mayEdit: access.may.edit && article.status !== "ARCHIVED",
  };
}

export type TranslationWorkspace = Awaited<ReturnType<typeof loadTranslationWorkspace>>;
