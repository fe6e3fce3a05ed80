// The searchable text of a frozen revision: headings apart from the rest of the body (they weigh more).
import { parseDocument } from "../content/document-schema";
import { parseAlternativeNames } from "../content/alternative-names";
import { blockText } from "../content/text";
import type { SearchDocument } from "./search-index";
import type { ReaderLocale } from "../i18n/locales";

export interface IndexableRevision {
  id: string;
  articleId: string;
  title: string;
  summary: string;
  conditionName: string;
  alternativeNames: string;
  bodyJson: string;
}

export function buildSearchDocument(revision: IndexableRevision, locale: ReaderLocale): SearchDocument {
  const body = parseDocument(revision.bodyJson);
  const headings: string[] = [];
  const prose: string[] = [];
  for (const block of body.content) (block.type === "heading" ? headings : prose).push(blockText(block));
  return {
    articleId: revision.articleId,
    revisionId: revision.id,
    locale,
    title: revision.title,
    conditionName: revision.conditionName,
    alternativeNames: parseAlternativeNames(revision.alternativeNames),
    summary: revision.summary,
    headings: headings.join("\n"),
    body: prose.join("\n\n"),
  };
}
