// The site search behind one small interface, so each database has its own engine (SQLite FTS5 in
// sqlite-search-index.ts, PostgreSQL tsvector in postgres-search-index.ts), reached as the database adapter's
// `siteSearch` (`dialectFor(db).siteSearch`, lib/db/dialects) while callers stay the same. Only published text
// is ever given to an index: callers pass the live revision's fields (see sync-article-search.ts).
import type { DbTx } from "../db/client";
import type { ReaderLocale } from "../i18n/locales";

/** What is indexed for one live article: the live revision's text, split by weight. */
export interface SearchDocument {
  articleId: string;
  revisionId: string;
  /** The article's language: how its words are stemmed (./search-locale.ts). */
  locale: ReaderLocale;
  title: string;
  conditionName: string;
  alternativeNames: string[];
  summary: string;
  headings: string;
  body: string;
}

/** A run of text in a title or snippet; `match` marks the words the query found. Never HTML. */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  articleId: string;
  slug: string;
  title: TextSegment[];
  conditionName: string;
  /** Alternative names with the query's words marked, when one of them matched. */
  alternativeNames: TextSegment[] | null;
  snippet: TextSegment[];
  lastPublishedAt: Date | null;
}

/** A parsed query: lower-case words, at most a few, each with the spellings to try for it. */
export interface SearchTerms {
  words: string[];
  /** Only articles in this language are searched, with its stemming. */
  locale: ReaderLocale;
}

export interface SearchResultPage {
  query: string;
  /** Words that were not in any article and were read as a near spelling, e.g. { "diabtes": ["diabetes"] }. */
  corrections: Record<string, string[]>;
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

export interface SearchIndex {
  /** Replaces the article's entry with this text (inside the caller's transaction). */
  indexArticle(tx: DbTx, doc: SearchDocument): Promise<void>;
  /** Removes the article from the index (inside the caller's transaction). */
  removeArticle(tx: DbTx, articleId: string): Promise<void>;
  search(
    db: DbTx,
    terms: SearchTerms,
    page: { page: number; pageSize: number; query: string },
  ): Promise<SearchResultPage>;
}
