// Group commit for readers' answers. Under load many answers arrive within the same event-loop turn; writing
// each in its own statement and transaction costs a Prisma round trip and a WAL commit per row, which caps
// the endpoint far below what the rest of it can do. The writer queues rows, and on the next turn writes all
// queued rows with one multi-row INSERT in one transaction. Each caller's promise resolves only after that
// transaction has committed, so an answer is never acknowledged before it is stored. When idle the wait is a
// single setImmediate, i.e. no added latency.
//
// One writer per Db client (WeakMap), since a batch must go through one connection.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { dialectFor } from "../db/dialects/dialect";
import { valuesList } from "../db/raw-sql";

export interface FeedbackRow {
  articleId: string;
  revisionId: string;
  helpful: boolean;
  reason: string | null;
  comment: string;
  email: string | null;
  clientHash: string;
  createdAt: Date;
}

interface Pending {
  row: FeedbackRow & { id: string };
  resolve: (id: string) => void;
  reject: (err: unknown) => void;
}

export class FeedbackBatchWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    // 9 bound parameters per row; SQLite's default limit is 32,766 parameters per statement.
    private readonly maxBatch = 500,
  ) {}

  /** Resolves with the new row's id once it is committed. */
  insert(row: FeedbackRow): Promise<string> {
    return new Promise((resolve, reject) => {
      // Ids are made here (not by the database) so each caller learns its own id from a multi-row insert.
      this.queue.push({ row: { ...row, id: `f${randomUUID().replace(/-/g, "")}` }, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await insertRows(
            this.db,
            batch.map((p) => p.row),
          );
          for (const p of batch) p.resolve(p.row.id);
        } catch {
          // One bad row (say, its article was deleted a moment ago) must not fail everyone else's answer:
          // write the batch row by row so each caller gets its own outcome.
          for (const p of batch) {
            try {
              await this.db.feedback.create({ data: p.row, select: { id: true } });
              p.resolve(p.row.id);
            } catch (err) {
              p.reject(err);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
      if (this.queue.length) this.schedule();
    }
  }
}

const COLUMNS = [
  "id",
  "articleId",
  "revisionId",
  "helpful",
  "reason",
  "comment",
  "email",
  "clientHash",
  "createdAt",
] as const;

/**
 * One multi-row INSERT as raw SQL. Prisma's createMany does the same statement but compiles a new query plan
 * for every batch size, which the profile showed costing more CPU than the insert itself. Values are bound
 * parameters, never interpolated.
 */
async function insertRows(db: Db, rows: readonly (FeedbackRow & { id: string })[]) {
  if (!rows.length) return;
  // Values as each database stores them: DateTime as ISO text on SQLite (Prisma compares it as text, so the
  // form must be exact; tested in batch-writer.test.ts), booleans as 0/1 there.
  const dialect = dialectFor(db);
  const placeholders = valuesList(dialect, rows.length, COLUMNS.length);
  const params = rows.flatMap((r) => [
    r.id,
    r.articleId,
    r.revisionId,
    dialect.booleanParam(r.helpful),
    r.reason,
    r.comment,
    r.email,
    r.clientHash,
    dialect.dateTimeParam(r.createdAt),
  ]);
  await db.$executeRawUnsafe(
    `INSERT INTO "Feedback" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${placeholders}`,
    ...params,
  );
}

const writers = new WeakMap<Db, FeedbackBatchWriter>();

export function feedbackWriterFor(db: Db): FeedbackBatchWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new FeedbackBatchWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
