// Renders a VersionDiff (lib/revisions/diff-revisions.ts): changed fields, blocks with word-level marks,
// and reference changes. Insertions are <ins>, deletions <del>, so the meaning does not rely on colour.
import type { Segment, VersionDiff } from "@/lib/revisions/diff-revisions";

function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.op === "insert" ? (
          <ins key={i}>{s.text}</ins>
        ) : s.op === "delete" ? (
          <del key={i}>{s.text}</del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

const FIELD_LABELS = { title: "Title", summary: "Summary", conditionName: "Condition" } as const;

export function DiffView({ diff }: { diff: VersionDiff }) {
  const { stats } = diff;
  const changedBlocks = diff.blocks.filter((b) => b.kind !== "equal");
  return (
    <div className="diff" data-testid="diff">
      <p>
        {stats.added} added, {stats.removed} removed, {stats.changed} changed block{stats.changed === 1 ? "" : "s"};{" "}
        {stats.referencesChanged} reference change
        {stats.referencesChanged === 1 ? "" : "s"}.
      </p>
      {diff.fields.map((f) => (
        <p key={f.field}>
          <strong>{FIELD_LABELS[f.field]}:</strong> <Segments segments={f.segments} />
        </p>
      ))}
      {changedBlocks.length === 0 && diff.fields.length === 0 && <p className="empty">The body is unchanged.</p>}
      <ol className="diff-blocks">
        {changedBlocks.map((b, i) => (
          <li key={i} className={`diff-${b.kind}`}>
            <span className="badge">{b.kind === "added" ? "Added" : b.kind === "removed" ? "Removed" : "Changed"}</span>{" "}
            <span className="field-hint">{b.blockType}</span>
            <div>
              {b.kind === "changed" ? (
                <Segments segments={b.segments} />
              ) : b.kind === "added" ? (
                <ins>{b.text}</ins>
              ) : (
                <del>{b.text}</del>
              )}
            </div>
          </li>
        ))}
      </ol>
      {diff.references.length > 0 && (
        <>
          <h3>References</h3>
          <ul>
            {diff.references.map((r) => (
              <li key={r.key}>
                <span className="badge">{r.kind}</span> {r.title}
                {r.changes.length > 0 && (
                  <span className="field-hint"> ({r.changes.map((c) => c.field).join(", ")})</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
