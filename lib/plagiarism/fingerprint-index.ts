// The fingerprint index in SQLite: every frozen revision and every corpus document. Written with raw,
// multi-row INSERTs because a 1,500-word text has ~430 fingerprints and the ORM's per-row path is far too
// slow for a bulk import (bench/plagiarism.ts measures documents per second).
// Two tables of (hash, source, position): Fingerprint holds the exact stage's winnowed word 5-grams (winnow.ts),
// SentenceSketch the heaviest term keys of each sentence for the rewritten-text stage (rewritten.ts). The
// reworded stage (reworded.ts) has no table of its own: it aligns the candidates the other two find.
// Sketches depend on the WordNet table and the learned word frequencies (which terms are heaviest): a change to
// either, or to how sketches are made, comes with a migration that empties the index, which the rebuild job
// then rebuilds (docs/operations.md, "Upgrading").
import type { DbTx } from "../db/client";
import { fingerprint, DEFAULT_PARAMS, type FingerprintHit } from "./winnow";
import { tokenize, type Tokens } from "./tokenize";
import { sentenceSketches } from "./rewritten";
import { sentenceTerms } from "./sentence-terms";

export type FingerprintTable = "Fingerprint" | "SentenceSketch";

interface SourceFingerprints {
  Fingerprint: FingerprintHit[];
  SentenceSketch: Array<{ hash: number; position: number }>;
}

function fingerprintsOf(text: string, tokens: Tokens): SourceFingerprints {
  return {
    Fingerprint: fingerprint(tokens.words, DEFAULT_PARAMS),
    SentenceSketch: sentenceSketches(sentenceTerms(text, tokens)),
  };
}

export type SourceKind = "REVISION" | "CORPUS";

export interface IndexInput {
  kind: SourceKind;
  sourceId: string;
  articleId?: string | null;
  text: string;
}

// 3 parameters per row; SQLite allows 32,766 bound parameters, stay well below.
const ROWS_PER_INSERT = 2_000;

/** Rows as SQL value lists. Values are integers we computed (never user text), so inlining them is safe. */
function rowValues(table: FingerprintTable, sourceNo: number, fps: SourceFingerprints): string[] {
  return table === "Fingerprint"
    ? fps.Fingerprint.map((h) => `(${h.hash | 0},${sourceNo | 0},${h.position | 0})`)
    : fps.SentenceSketch.map((h) => `(${h.hash | 0},${sourceNo | 0},${h.position | 0})`);
}

const COLUMNS = `("hash","sourceNo","position")`;

async function insertRows(db: DbTx, table: FingerprintTable, values: string[]): Promise<void> {
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT)
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" ${COLUMNS} VALUES ${values.slice(i, i + ROWS_PER_INSERT).join(",")} ON CONFLICT DO NOTHING`,
    );
}

/** Deletes by primary key (the tables have no index on sourceNo: a delete by source alone would scan them). */
async function deleteRows(db: DbTx, table: FingerprintTable, values: string[]): Promise<void> {
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT)
    await db.$executeRawUnsafe(
      `DELETE FROM "${table}" WHERE ${COLUMNS} IN (VALUES ${values.slice(i, i + ROWS_PER_INSERT).join(",")})`,
    );
}

const TABLES: FingerprintTable[] = ["Fingerprint", "SentenceSketch"];

/**
 * Indexes one text. Idempotent: indexing the same source again replaces its rows (a corpus document whose text
 * was corrected), so callers need not know whether it was indexed.
 * `previousText` is what was indexed before, so its rows can be deleted by key.
 * Returns the source number used in the index tables.
 */
export async function indexSource(db: DbTx, input: IndexInput, previousText?: string): Promise<number> {
  const tokens = tokenize(input.text);
  const fps = fingerprintsOf(input.text, tokens);
  const existing = await db.fingerprintSource.findUnique({
    where: { kind_sourceId: { kind: input.kind, sourceId: input.sourceId } },
  });
  let sourceNo: number;
  if (existing) {
    sourceNo = existing.id;
    const previous = previousText !== undefined ? fingerprintsOf(previousText, tokenize(previousText)) : null;
    for (const table of TABLES)
      if (previous) await deleteRows(db, table, rowValues(table, sourceNo, previous));
      else await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "sourceNo" = ${sourceNo | 0}`);
    await db.fingerprintSource.update({
      where: { id: sourceNo },
      data: {
        articleId: input.articleId ?? null,
        wordCount: tokens.words.length,
        fingerprintCount: fps.Fingerprint.length,
        indexedAt: new Date(),
      },
    });
  } else {
    const created = await db.fingerprintSource.create({
      data: {
        kind: input.kind,
        sourceId: input.sourceId,
        articleId: input.articleId ?? null,
        wordCount: tokens.words.length,
        fingerprintCount: fps.Fingerprint.length,
      },
    });
    sourceNo = created.id;
  }
  for (const table of TABLES) await insertRows(db, table, rowValues(table, sourceNo, fps));
  return sourceNo;
}

/**
 * Indexes many texts that are not in the index yet (a bulk import): one statement for the source rows and
 * one per 2,000 rows of each table, whatever the number of texts. Returns the source numbers in input order.
 */
export async function indexNewSources(db: DbTx, inputs: Array<IndexInput & { tokens?: Tokens }>): Promise<number[]> {
  if (inputs.length === 0) return [];
  const fps = inputs.map((i) => {
    const tokens = i.tokens ?? tokenize(i.text);
    return { words: tokens.words.length, rows: fingerprintsOf(i.text, tokens) };
  });
  const created = await db.fingerprintSource.createManyAndReturn({
    data: inputs.map((i, n) => ({
      kind: i.kind,
      sourceId: i.sourceId,
      articleId: i.articleId ?? null,
      wordCount: fps[n].words,
      fingerprintCount: fps[n].rows.Fingerprint.length,
    })),
    select: { id: true, kind: true, sourceId: true },
  });
  const idOf = new Map(created.map((c) => [`${c.kind}:${c.sourceId}`, c.id]));
  const sourceNos = inputs.map((i) => idOf.get(`${i.kind}:${i.sourceId}`)!);
  await insertSorted(
    db,
    "Fingerprint",
    fps.map((f) => f.rows.Fingerprint),
    sourceNos,
  );
  await insertSorted(
    db,
    "SentenceSketch",
    fps.map((f) => f.rows.SentenceSketch),
    sourceNos,
  );
  return sourceNos;
}

/**
 * Inserts many sources' fingerprints in key order: the B-tree then takes the batch page by page instead of
 * at random places, which keeps a bulk import fast once the index no longer fits in SQLite's page cache.
 */
async function insertSorted(
  db: DbTx,
  table: FingerprintTable,
  hitsPerSource: Array<Array<{ hash: number; position: number }>>,
  sourceNos: number[],
) {
  let total = 0;
  for (const hits of hitsPerSource) total += hits.length;
  if (total >= 2 ** 21) throw new Error("Too many fingerprints in one batch; import fewer documents at a time.");
  // Sort keys packed in a double: (hash + 2^31) · 2^21 + row index stays below 2^53, so it is exact, and a
  // typed-array sort needs no comparator call per pair.
  const hashes = new Int32Array(total);
  const nos = new Int32Array(total);
  const positions = new Int32Array(total);
  const keys = new Float64Array(total);
  let at = 0;
  for (let n = 0; n < hitsPerSource.length; n++)
    for (const h of hitsPerSource[n]) {
      hashes[at] = h.hash;
      nos[at] = sourceNos[n];
      positions[at] = h.position;
      keys[at] = (h.hash + 2 ** 31) * 2 ** 21 + at;
      at++;
    }
  keys.sort();
  const values: string[] = [];
  for (let j = 0; j < total; j++) {
    const o = keys[j] % 2 ** 21;
    values.push(`(${hashes[o]},${nos[o]},${positions[o]})`);
  }
  await insertRows(db, table, values);
}

/** Removes a source from the index; `text` (what was indexed) lets us delete its rows by key, not by scan. */
export async function removeSource(db: DbTx, kind: SourceKind, sourceId: string, text: string): Promise<void> {
  const existing = await db.fingerprintSource.findUnique({ where: { kind_sourceId: { kind, sourceId } } });
  if (!existing) return;
  const fps = fingerprintsOf(text, tokenize(text));
  for (const table of TABLES) await deleteRows(db, table, rowValues(table, existing.id, fps));
  await db.fingerprintSource.delete({ where: { id: existing.id } });
}

export interface IndexRow {
  hash: number;
  sourceNo: number;
  position: number;
}

const HASHES_PER_QUERY = 900;

/**
 * Every indexed occurrence of the given hashes (in the exact stage's table unless another is named). With
 * `maxRows`, hashes held by more rows than that are left out without reading their rows: counting them in the
 * database costs a fraction of bringing thousands of rows of boilerplate into the process only to drop them.
 */
export async function lookupHashes(
  db: DbTx,
  hashes: ArrayLike<number>,
  table: FingerprintTable = "Fingerprint",
  options: { maxRows?: number } = {},
): Promise<IndexRow[]> {
  const unique = [...new Set(Array.from(hashes, (h) => h | 0))];
  const rows: IndexRow[] = [];
  for (let i = 0; i < unique.length; i += HASHES_PER_QUERY) {
    let chunk = unique.slice(i, i + HASHES_PER_QUERY);
    if (options.maxRows !== undefined) {
      const counts = await db.$queryRawUnsafe<Array<{ hash: number | bigint; n: number | bigint }>>(
        `SELECT "hash", COUNT(*) AS "n" FROM "${table}" WHERE "hash" IN (${chunk.join(",")}) GROUP BY "hash"`,
      );
      chunk = counts.filter((c) => Number(c.n) <= options.maxRows!).map((c) => Number(c.hash));
      if (chunk.length === 0) continue;
    }
    const found = await db.$queryRawUnsafe<
      Array<{ hash: number | bigint; sourceNo: number | bigint; position: number | bigint }>
    >(`SELECT "hash","sourceNo","position" FROM "${table}" WHERE "hash" IN (${chunk.join(",")})`);
    for (const r of found)
      rows.push({ hash: Number(r.hash), sourceNo: Number(r.sourceNo), position: Number(r.position) });
  }
  return rows;
}

/**
 * Sentence-sketch evidence per source, summed in the database: for each source, the weight (given per hash)
 * of the hashes it shares, per block of `block` sentences. Blocks weighing less than `minWeight` and hashes
 * held by more than `maxRows` sources are left out, so a check against a large corpus reads a few hundred
 * rows, not the tens of thousands of single hits a long medical text has with other medical texts.
 */
export async function sketchBlockWeights(
  db: DbTx,
  weights: ReadonlyMap<number, number>,
  options: { block: number; minWeight: number; maxRows: number },
): Promise<Array<{ sourceNo: number; block: number; weight: number }>> {
  const out: Array<{ sourceNo: number; block: number; weight: number }> = [];
  const hashes = [...weights.keys()].map((h) => h | 0);
  const kept: number[] = [];
  for (let i = 0; i < hashes.length; i += HASHES_PER_QUERY) {
    const chunk = hashes.slice(i, i + HASHES_PER_QUERY);
    const counts = await db.$queryRawUnsafe<Array<{ hash: number | bigint; n: number | bigint }>>(
      `SELECT "hash", COUNT(*) AS "n" FROM "SentenceSketch" WHERE "hash" IN (${chunk.join(",")}) GROUP BY "hash"`,
    );
    for (const c of counts) if (Number(c.n) <= options.maxRows) kept.push(Number(c.hash));
  }
  if (kept.length === 0) return out;
  // One statement: the weights travel as a VALUES list (numbers we computed, inlined like the hashes).
  const values = kept.map((h) => `(${h},${weights.get(h)!.toFixed(4)})`).join(",");
  const found = await db.$queryRawUnsafe<
    Array<{ sourceNo: number | bigint; block: number | bigint; weight: number | string }>
  >(
    `WITH q("hash", "weight") AS (VALUES ${values})
     SELECT s."sourceNo" AS "sourceNo", s."position" / ${options.block | 0} AS "block", SUM(q."weight") AS "weight"
     FROM "SentenceSketch" s JOIN q ON q."hash" = s."hash"
     GROUP BY s."sourceNo", s."position" / ${options.block | 0}
     HAVING SUM(q."weight") >= ${options.minWeight.toFixed(4)}`,
  );
  for (const r of found) out.push({ sourceNo: Number(r.sourceNo), block: Number(r.block), weight: Number(r.weight) });
  return out;
}
