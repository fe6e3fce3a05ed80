import type { BulkResult } from "@/lib/article-list/bulk-actions";

/** What the content list says after a bulk action: how many were done and why the others were not. */
export function describeBulkResult(data: unknown): string {
  const r = data as BulkResult;
  const skipped = r.skipped.length
    ? ` ${r.skipped.length} skipped: ${r.skipped
        .slice(0, 5)
        .map((s) => s.reason)
        .join(" ")}${r.skipped.length > 5 ? " …" : ""}`
    : "";
  return `Done for ${r.done} article${r.done === 1 ? "" : "s"}.${skipped}`;
}
