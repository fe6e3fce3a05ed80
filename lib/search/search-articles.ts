// Readers' search: GET /search?q=…&page=… → one page of ranked, highlighted published articles.
import { z } from "zod";
import type { DbTx } from "../db/client";
import { dialectFor } from "../db/dialects/dialect";
import { QUERY_MAX_LENGTH, queryWords } from "./query-words";
import type { SearchResultPage } from "./search-index";
import { DEFAULT_READER_LOCALE, type ReaderLocale } from "../i18n/locales";

export const SEARCH_PAGE_SIZE = 10;
/** Pages beyond this are not served: nobody reads them and deep offsets cost the most. */
export const SEARCH_MAX_PAGE = 50;

// Query-string values arrive as strings (or arrays when repeated): anything odd falls back to a sane default
// instead of an error page, since a reader can only have typed into the box.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
export const searchParamsSchema = z.object({
  q: z.preprocess(first, z.string().catch("")).transform((s) => s.slice(0, QUERY_MAX_LENGTH).trim()),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).catch(1)),
});

/** Searches the live articles in `locale`, the language of the page the search was made from. */
export async function searchArticles(
  db: DbTx,
  params: unknown,
  locale: ReaderLocale = DEFAULT_READER_LOCALE,
): Promise<SearchResultPage> {
  const { q, page } = searchParamsSchema.parse(params ?? {});
  return dialectFor(db).siteSearch.search(
    db,
    { words: queryWords(q), locale },
    { page, pageSize: SEARCH_PAGE_SIZE, query: q },
  );
}
