// The public update history of an article (PRODUCT.md "Timestamps shown to readers"): one entry per
// publication with its date, change summary and the medical reviewer who approved that revision (from the
// credential snapshot taken at sign-off). Data: getPublicTrail (lib/publishing/public-trail.ts).
// Server component, no client JS: works on readers' pages without JavaScript.
import type { UpdateHistoryEntry } from "@/lib/publishing/public-trail";
import { formatLongDate } from "@/lib/public/format-date";

export function UpdateHistory({
  history,
  headingLevel = 3,
  reviewerHref,
}: {
  history: UpdateHistoryEntry[];
  headingLevel?: 2 | 3;
  reviewerHref?: (userId: string) => string;
}) {
  const H = `h${headingLevel}` as "h2" | "h3";
  return (
    <section aria-labelledby="update-history-heading" className="update-history" data-testid="update-history">
      <H id="update-history-heading">Update history</H>
      {history.length === 0 ? (
        <p>Not published yet.</p>
      ) : (
        <ol reversed>
          {history.map((h, i) => (
            <li key={h.publicationId}>
              <time dateTime={h.publishedAt.toISOString()}>{formatLongDate(h.publishedAt)}</time>:{" "}
              {/* Without a note the writer made public, a neutral entry (the oldest one is the first publication). */}
              {h.changeSummary || (i === history.length - 1 ? "First published." : "Updated.")}
              {h.reviewer && (
                <>
                  {" "}
                  Medically reviewed by{" "}
                  {reviewerHref ? (
                    <a href={reviewerHref(h.reviewer.userId)}>{h.reviewer.displayName}</a>
                  ) : (
                    h.reviewer.displayName
                  )}
                  {h.reviewer.postNominals ? `, ${h.reviewer.postNominals}` : ""}.
                </>
              )}
              {h.unpublishedAt && <> (withdrawn {formatLongDate(h.unpublishedAt)})</>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
