// Reading stored reports back (the report view, the review screen and the publish gate use these).
import type { DbTx } from "../db/client";
import type { SourceMatch } from "./checker";

export interface StoredReport {
  id: string;
  revisionId: string;
  checker: string;
  similarity: number;
  parameters: Record<string, unknown>;
  matches: SourceMatch[];
  createdAt: Date;
}

function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

export function toStoredReport(row: {
  id: string;
  revisionId: string;
  checker: string;
  similarity: number;
  parametersJson: string;
  matchesJson: string;
  createdAt: Date;
}): StoredReport {
  return {
    id: row.id,
    revisionId: row.revisionId,
    checker: row.checker,
    similarity: row.similarity,
    parameters: parse(row.parametersJson, {}),
    matches: parse(row.matchesJson, []),
    createdAt: row.createdAt,
  };
}

/** The latest report for a revision (the one the publish gate reads), or null when none ran yet. */
export async function latestPlagiarismReport(db: DbTx, revisionId: string): Promise<StoredReport | null> {
  const row = await db.plagiarismReport.findFirst({
    where: { revisionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return row ? toStoredReport(row) : null;
}
