// CSV of the content list's current view, through lib/export/write-csv.ts (every cell quoted, formulas
// neutralised wherever a spreadsheet could see one start).
import { contentRowReviewers, type ContentRow } from "./content-list";
import { statusLabel } from "../workflow/state-machine";
import { writeCsv } from "../export/write-csv";

const date = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");

export const CONTENT_CSV_HEADER = [
  "id",
  "title",
  "condition",
  "state",
  "live",
  "writers",
  "assigned reviewers",
  "clinical area",
  "review due",
  "open reader reports",
  "updated",
  "created",
];

export function contentCsv(rows: readonly ContentRow[]): string {
  return writeCsv(
    CONTENT_CSV_HEADER,
    rows.map((r) => [
      r.id,
      r.draft?.title ?? r.slug,
      r.draft?.conditionName ?? "",
      statusLabel(r.status),
      r.liveRevisionId ? "yes" : "no",
      r.authors.map((a) => a.user.name).join("; "),
      contentRowReviewers(r).join("; "),
      r.clinicalArea?.name ?? "",
      date(r.reviewDueAt),
      String(r._count.feedback),
      r.updatedAt.toISOString(),
      r.createdAt.toISOString(),
    ]),
  );
}
