// Renders a comparison (lib/revisions/compare-versions.ts): changed fields, blocks with word-level marks
// (citations as author-year labels), and each changed reference as its formatted entry. Insertions are <ins>,
// deletions <del>, so the meaning does not rely on colour.
import type { Segment } from "@/lib/revisions/diff-revisions";
import type { ComparedVersions, ReferenceChange } from "@/lib/revisions/compare-versions";

export function Segments({ segments }: { segments: Segment[] }) {
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

const KIND_LABELS: Record<ReferenceChange["kind"], string> = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
};

/** Reference changes as formatted entries (HTML written by the citation style formatter from escaped fields). */
export function ReferenceChanges({ changes }: { changes: ReferenceChange[] }) {
  return (
    <ul className="diff-refs" data-testid="diff-references">
      {changes.map((r, i) => (
        <li key={i} data-kind={r.kind}>
          <strong>{KIND_LABELS[r.kind]}</strong>
          {r.changedFields.length > 0 && <span className="field-hint"> ({r.changedFields.join(", ")})</span>}
          {r.beforeHtml && (r.kind === "changed" || r.kind === "removed") && (
            <del className="diff-ref-entry" dangerouslySetInnerHTML={{ __html: r.beforeHtml }} />
          )}
          {r.afterHtml && (r.kind === "changed" || r.kind === "added") && (
            <ins className="diff-ref-entry" dangerouslySetInnerHTML={{ __html: r.afterHtml }} />
          )}
        </li>
      ))}
    </ul>
  );
}

const FIELD_LABELS = { title: "Title", summary: "Summary", conditionName: "Condition" } as const;

const BLOCK_KIND_LABELS = { added: "Added", removed: "Removed", changed: "Changed" } as const;

/**
 * The one rendering of a version comparison, on the review screen and History → Compare. `unchanged: "show"`
 * keeps the blocks that did not change (muted) so the changes read in the whole text; the review screen lists
 * only what changed.
 */
export function DiffView({
  compared,
  unchanged = "hide",
}: {
  compared: ComparedVersions;
  unchanged?: "show" | "hide";
}) {
  const { diff } = compared;
  const { stats } = diff;
  const changedBlocks = diff.blocks.filter((b) => b.kind !== "equal");
  const blocks = unchanged === "show" ? diff.blocks : changedBlocks;
  return (
    <div className="diff" data-testid="diff">
      <p className="diff-legend">
        <ins>Added text</ins> <del>Removed text</del>
      </p>
      <p data-testid="diff-stats">
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
      <ol className="diff-blocks" data-testid="diff-blocks">
        {blocks.map((b, i) => (
          <li key={i} className={`diff-block diff-${b.kind}`} data-testid="diff-block" data-kind={b.kind}>
            <span className="diff-kind">
              {b.kind === "equal" ? "" : `${BLOCK_KIND_LABELS[b.kind]} `}
              {b.blockType}
            </span>
            <div>
              {b.kind === "changed" ? (
                <Segments segments={b.segments} />
              ) : b.kind === "added" ? (
                <ins>{b.text}</ins>
              ) : b.kind === "removed" ? (
                <del>{b.text}</del>
              ) : (
                b.text
              )}
            </div>
          </li>
        ))}
      </ol>
      {compared.references.length > 0 && (
        <>
          <h3>References</h3>
          <ReferenceChanges changes={compared.references} />
        </>
      )}
    </div>
  );
}
