// PostgreSQL full-text queries built from words a person typed, for the site search and the studio draft search
// (the twins of SQLite FTS5's MATCH). Every word is a bound parameter turned into a tsquery by PostgreSQL itself,
// so nothing typed reaches tsquery syntax. English stemming stands in for FTS5's porter tokenizer; English stop
// words ("the", "and") are ignored, where FTS5 would require them.

/** The text search configuration of every tsvector and tsquery. */
export const TEXT_SEARCH_CONFIG = "english";

export interface TsQuery {
  /** A SQL expression of type tsquery. */
  sql: string;
  params: string[];
}

/**
 * Every group required, any spelling within a group: (a1 | a2) & (b1) …, with the parameters numbered from
 * `firstParam`. `prefixLast` makes the last group's spellings prefixes (what is still being typed), as FTS5's
 * `"word"*` does; only for words of letters and digits (the callers' word splitting guarantees it).
 */
export function tsqueryOf(
  groups: string[][],
  firstParam: number,
  prefixLast = false,
  config: string = TEXT_SEARCH_CONFIG,
): TsQuery {
  const params: string[] = [];
  const term = (word: string, prefix: boolean) => {
    params.push(word);
    const p = `$${firstParam + params.length - 1}`;
    return prefix ? `to_tsquery('${config}', ${p} || ':*')` : `plainto_tsquery('${config}', ${p})`;
  };
  const sql = groups
    .map((spellings, i) => `(${spellings.map((w) => term(w, prefixLast && i === groups.length - 1)).join(" || ")})`)
    .join(" && ");
  return { sql: sql || `''::tsquery`, params };
}
