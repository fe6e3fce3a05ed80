// The dashboard's view of the background rebuilds (lib/rebuilds/): which derived index is being rebuilt after
// an upgrade or a restore, how far it is, and how recent ones ended. Plain HTML: a <progress> with its numbers
// in words, so it reads the same without JavaScript and to a screen reader. Reload to see it move.
import { describeProgress } from "@/lib/rebuilds/describe-progress";
import { REBUILD_LABELS, type RebuildJobRow, type RebuildKind } from "@/lib/rebuilds/rebuild-jobs";

const UNITS: Record<RebuildKind, string> = { PLAGIARISM_INDEX: "sources", SEARCH_INDEX: "articles" };
const STATE_LABELS: Record<string, string> = {
  PENDING: "Waiting to start",
  RUNNING: "Rebuilding",
  DONE: "Complete",
  FAILED: "Failed",
};
const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

export function RebuildPanel({ jobs, now = new Date() }: { jobs: RebuildJobRow[]; now?: Date }) {
  if (!jobs.length) return null;
  const open = jobs.some((j) => j.status === "PENDING" || j.status === "RUNNING");
  return (
    <section className="panel" aria-labelledby="rebuilds-heading" data-testid="rebuild-panel">
      <h2 id="rebuilds-heading">Index rebuilds</h2>
      {open && (
        <p className="notice info">
          A derived index is being rebuilt in the background. Plagiarism checks made until it is complete say
          &ldquo;index incomplete&rdquo; and run again by themselves when it finishes.
        </p>
      )}
      <ul className="rebuild-list">
        {jobs.map((job) => {
          const kind = job.kind as RebuildKind;
          const unit = UNITS[kind] ?? "items";
          const elapsed = job.startedAt ? (job.heartbeatAt ?? now).getTime() - job.startedAt.getTime() : 0;
          return (
            <li key={job.id} data-testid={`rebuild-${kind}`}>
              <strong>{REBUILD_LABELS[kind] ?? job.kind}</strong>: {STATE_LABELS[job.status] ?? job.status}
              {job.status === "RUNNING" || job.status === "PENDING" ? (
                <>
                  <br />
                  <progress max={Math.max(job.total, 1)} value={job.done} aria-label={`${REBUILD_LABELS[kind]}`} />{" "}
                  {describeProgress(job.done, job.total, unit, elapsed)}
                </>
              ) : (
                <span className="field-hint">
                  {" "}
                  — {job.total.toLocaleString("en")} {unit}, ended {when(job.finishedAt)}
                  {job.error ? `: ${job.error}` : ""}
                </span>
              )}
              {job.reason && <div className="field-hint">Why: {job.reason}.</div>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
