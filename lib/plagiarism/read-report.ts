// Reading stored reports back (the report view, the review screen and the publish gate use these).
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import type { SourceMatch } from "./checker";
import { redactReportForViewer } from "./redact-report";

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

/**
 * The latest report for a revision (the one the publish gate reads), or null when none ran yet, as `viewer` may
 * see it: matched articles they may not open are withheld (lib/plagiarism/redact-report.ts).
 */
export async function latestPlagiarismReport(
  db: DbTx,
  revisionId: string,
  viewer: Actor | null,
): Promise<StoredReport | null> {
  const row = await db.plagiarismReport.findFirst({
    where: { revisionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return row ? redactReportForViewer(db, viewer, toStoredReport(row)) : null;
}
