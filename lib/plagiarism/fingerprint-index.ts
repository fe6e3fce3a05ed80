// The fingerprint index in SQLite: every frozen revision and every corpus document. Written with raw,
// multi-row INSERTs because a 1,500-word text has ~430 fingerprints and the ORM's per-row path is far too
// slow for a bulk import (bench/plagiarism.ts measures documents per second).
import type { DbTx } from "../db/client";
import { fingerprint, DEFAULT_PARAMS, type FingerprintHit } from "./winnow";
import { tokenize } from "./tokenize";
import { rewordFingerprint } from "./reworded";

/** Exact word k-grams (winnow.ts) and content-word shingles for reworded passages (reworded.ts). */
export type FingerprintTable = "Fingerprint" | "ParaphraseFingerprint";
const TABLES: FingerprintTable[] = ["Fingerprint", "ParaphraseFingerprint"];

/** Both stages' fingerprints of one text's normalised words. */
function fingerprintsOf(words: readonly string[]): Record<FingerprintTable, FingerprintHit[]> {
  return { Fingerprint: fingerprint(words, DEFAULT_PARAMS), ParaphraseFingerprint: rewordFingerprint(words) };
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

async function insertFingerprints(
  db: DbTx,
  table: FingerprintTable,
  sourceNo: number,
  hits: FingerprintHit[],
): Promise<void> {
  for (let i = 0; i < hits.length; i += ROWS_PER_INSERT) {
    const chunk = hits.slice(i, i + ROWS_PER_INSERT);
    // Values are integers we computed (never user text), so inlining them is safe and avoids binding costs.
    const values = chunk.map((h) => `(${h.hash | 0},${sourceNo | 0},${h.position | 0})`).join(",");
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" ("hash","sourceNo","position") VALUES ${values} ON CONFLICT DO NOTHING`,
    );
  }
}

async function deleteFingerprints(
  db: DbTx,
  table: FingerprintTable,
  sourceNo: number,
  hits: FingerprintHit[],
): Promise<void> {
  for (let i = 0; i < hits.length; i += ROWS_PER_INSERT) {
    const chunk = hits.slice(i, i + ROWS_PER_INSERT);
    const keys = chunk.map((h) => `(${h.hash | 0},${sourceNo | 0},${h.position | 0})`).join(",");
    await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE ("hash","sourceNo","position") IN (VALUES ${keys})`);
  }
}

/**
 * Indexes one text. Idempotent: indexing the same source again replaces its fingerprints (a corpus
 * document whose text was corrected), so callers need not know whether it was indexed before.
 * Returns the source number used in the Fingerprint table.
 */
export async function indexSource(db: DbTx, input: IndexInput, previousText?: string): Promise<number> {
  const tokens = tokenize(input.text);
  const fps = fingerprintsOf(tokens.words);
  const hits = fps.Fingerprint;
  const existing = await db.fingerprintSource.findUnique({
    where: { kind_sourceId: { kind: input.kind, sourceId: input.sourceId } },
  });
  let sourceNo: number;
  if (existing) {
    sourceNo = existing.id;
    const previous = previousText !== undefined ? fingerprintsOf(tokenize(previousText).words) : null;
    for (const table of TABLES)
      if (previous) await deleteFingerprints(db, table, sourceNo, previous[table]);
      else await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "sourceNo" = ${sourceNo | 0}`);
    await db.fingerprintSource.update({
      where: { id: sourceNo },
      data: {
        articleId: input.articleId ?? null,
        wordCount: tokens.words.length,
        fingerprintCount: hits.length,
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
        fingerprintCount: hits.length,
      },
    });
    sourceNo = created.id;
  }
  for (const table of TABLES) await insertFingerprints(db, table, sourceNo, fps[table]);
  return sourceNo;
}

/**
 * Indexes many texts that are not in the index yet (a bulk import): one statement for the source rows and
 * one per 2,000 fingerprints, whatever the number of texts. Returns the source numbers in input order.
 */
export async function indexNewSources(db: DbTx, inputs: Array<IndexInput & { words?: string[] }>): Promise<number[]> {
  if (inputs.length === 0) return [];
  const fps = inputs.map((i) => {
    const words = i.words ?? tokenize(i.text).words;
    const both = fingerprintsOf(words);
    return { words: words.length, hits: both.Fingerprint, byTable: both };
  });
  const created = await db.fingerprintSource.createManyAndReturn({
    data: inputs.map((i, n) => ({
      kind: i.kind,
      sourceId: i.sourceId,
      articleId: i.articleId ?? null,
      wordCount: fps[n].words,
      fingerprintCount: fps[n].hits.length,
    })),
    select: { id: true, kind: true, sourceId: true },
  });
  const idOf = new Map(created.map((c) => [`${c.kind}:${c.sourceId}`, c.id]));
  const sourceNos = inputs.map((i) => idOf.get(`${i.kind}:${i.sourceId}`)!);
  for (const table of TABLES)
    await insertSorted(
      db,
      table,
      fps.map((f) => f.byTable[table]),
      sourceNos,
    );
  return sourceNos;
}

/**
 * Inserts many sources' fingerprints in key order: the B-tree then takes the batch page by page instead of
 * at random places, which keeps a bulk import fast once the index no longer fits in SQLite's page cache.
 */
async function insertSorted(db: DbTx, table: FingerprintTable, hitsPerSource: FingerprintHit[][], sourceNos: number[]) {
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
  for (let i = 0; i < total; i += ROWS_PER_INSERT) {
    const values: string[] = [];
    for (let j = i; j < Math.min(total, i + ROWS_PER_INSERT); j++) {
      const o = keys[j] % 2 ** 21;
      values.push(`(${hashes[o]},${nos[o]},${positions[o]})`);
    }
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" ("hash","sourceNo","position") VALUES ${values.join(",")} ON CONFLICT DO NOTHING`,
    );
  }
}

/** Removes a source from the index; `text` (what was indexed) lets us delete its rows by key, not by scan. */
export async function removeSource(db: DbTx, kind: SourceKind, sourceId: string, text: string): Promise<void> {
  const existing = await db.fingerprintSource.findUnique({ where: { kind_sourceId: { kind, sourceId } } });
  if (!existing) return;
  const fps = fingerprintsOf(tokenize(text).words);
  for (const table of TABLES) await deleteFingerprints(db, table, existing.id, fps[table]);
  await db.fingerprintSource.delete({ where: { id: existing.id } });
}

export interface IndexRow {
  hash: number;
  sourceNo: number;
  position: number;
}

const HASHES_PER_QUERY = 900;

/** Every indexed occurrence of the given hashes (in the exact stage's table unless another is named). */
export async function lookupHashes(
  db: DbTx,
  hashes: ArrayLike<number>,
  table: FingerprintTable = "Fingerprint",
): Promise<IndexRow[]> {
  const unique = [...new Set(Array.from(hashes, (h) => h | 0))];
  const rows: IndexRow[] = [];
  for (let i = 0; i < unique.length; i += HASHES_PER_QUERY) {
    const chunk = unique.slice(i, i + HASHES_PER_QUERY);
    const found = await db.$queryRawUnsafe<
      Array<{ hash: number | bigint; sourceNo: number | bigint; position: number | bigint }>
    >(`SELECT "hash","sourceNo","position" FROM "${table}" WHERE "hash" IN (${chunk.join(",")})`);
    for (const r of found)
      rows.push({ hash: Number(r.hash), sourceNo: Number(r.sourceNo), position: Number(r.position) });
  }
  return rows;
}
