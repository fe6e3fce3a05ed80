// Content-check findings as a list (server-renderable): the review screen and the report page show the
// stored run; the editor's live panel (content-check-panel.tsx) shows the same list with jump buttons.
import type { Finding } from "@/lib/checks/types";
import "../plagiarism/plagiarism-report.css";

export function describeLocation(f: Finding): string {
  const l = f.location;
  if (l.field === "title") return "Title";
  if (l.field === "summary") return "Summary";
  // The message names the reference by its title; its key ("journal", "smith2021") means nothing to a writer.
  if (l.field === "references") return "References";
  if (l.blockIndex !== undefined) return `Body, block ${l.blockIndex + 1}${l.excerpt ? `: “${l.excerpt}”` : ""}`;
  return "Body";
}

export function CheckFindingsList({
  findings,
  renderAction,
}: {
  findings: Finding[];
  renderAction?: (f: Finding, index: number) => React.ReactNode;
}) {
  if (findings.length === 0) return <p className="empty">No problems found.</p>;
  return (
    <ul className="check-findings" data-testid="check-findings">
      {findings.map((f, i) => (
        <li key={i} className={f.severity} data-rule={f.rule}>
          <span className="severity">{f.severity === "blocking" ? "Blocking" : "Advisory"}</span>
          {f.message}
          <span className="where">{describeLocation(f)}</span>
          {renderAction?.(f, i)}
        </li>
      ))}
    </ul>
  );
}

export function CheckRunSummary({
  run,
}: {
  run: { blocking: number; advisory: number; createdAt: Date; findings: Finding[] } | null;
}) {
  if (!run) return <p className="notice warn">The content checks have not run for this revision yet.</p>;
  return (
    <section aria-labelledby="check-run-heading" data-testid="check-run">
      <h3 id="check-run-heading">Content checks</h3>
      <p className={`notice ${run.blocking ? "error" : "ok"}`}>
        {run.blocking} blocking, {run.advisory} advisory — checked{" "}
        {run.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC.
      </p>
      <CheckFindingsList findings={run.findings} />
    </section>
  );
}
