// The "Images" part of a revision comparison (lib/revisions/diff-images.ts).
import type { ImageChange } from "@/lib/revisions/diff-images";

export function ImageDiffList({ changes }: { changes: ImageChange[] }) {
  if (!changes.length) return <p className="empty">No image changes.</p>;
  return (
    <ul className="diff-images" data-testid="diff-images">
      {changes.map((c) => (
        <li key={c.mediaId} data-kind={c.kind}>
          <strong>
            {c.kind === "added" ? "Added image" : c.kind === "removed" ? "Removed image" : "Changed image"}:
          </strong>{" "}
          {c.alt || <em>(no alt text)</em>}
          {c.changes.length > 0 && (
            <ul>
              {c.changes.map((x) => (
                <li key={x.field}>
                  {x.field}: <del>{x.before || "(empty)"}</del> → <ins>{x.after || "(empty)"}</ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
