// CSV of the content list's current view (RFC 4180). Cells that a spreadsheet would run as a formula
// (leading =, +, -, @, tab or carriage return) are prefixed with an apostrophe.
import type { ContentRow } from "./content-list";
import { statusLabel } from "../workflow/state-machine";

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
  const lines = [CONTENT_CSV_HEADER.map(cell).join(",")];
  for (const r of rows) {
    lines.push(
      [
        r.id,
        r.draft?.title ?? r.slug,
        r.draft?.conditionName ?? "",
        statusLabel(r.status),
        r.liveRevisionId ? "yes" : "no",
        r.authors.map((a) => a.user.name).join("; "),
        r.assignments.map((a) => a.reviewer.name).join("; "),
        r.clinicalArea?.name ?? "",
        date(r.reviewDueAt),
        String(r._count.feedback),
        r.updatedAt.toISOString(),
        r.createdAt.toISOString(),
      ]
        .map(cell)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
