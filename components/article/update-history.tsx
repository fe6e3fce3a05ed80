// The public update history of an article (PRODUCT.md "Timestamps shown to readers"): one entry per
// publication with its date, change summary and the medical reviewer who approved that revision (from the
// credential snapshot taken at sign-off). Data: getPublicTrail (lib/publishing/public-trail.ts).
// Server component, no client JS: works on readers' pages without JavaScript.
import type { UpdateHistoryEntry } from "@/lib/publishing/public-trail";
import { formatLongDate } from "@/lib/i18n/format";
import type { ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";

export function UpdateHistory({
  history,
  headingLevel = 3,
  reviewerHref,
  locale = "en",
}: {
  history: UpdateHistoryEntry[];
  headingLevel?: 2 | 3;
  reviewerHref?: (userId: string) => string;
  /** The readers' page's language (the studio shows it in English). */
  locale?: ReaderLocale;
}) {
  const m = readerMessages(locale).history;
  const H = `h${headingLevel}` as "h2" | "h3";
  return (
    <section aria-labelledby="update-history-heading" className="update-history" data-testid="update-history">
      <H id="update-history-heading">{m.heading}</H>
      {history.length === 0 ? (
        <p>{m.notPublished}</p>
      ) : (
        <ol reversed>
          {history.map((h, i) => (
            <li key={h.publicationId}>
              <time dateTime={h.publishedAt.toISOString()}>{formatLongDate(h.publishedAt, locale)}</time>:{" "}
              {/* Without a note the writer made public, a neutral entry (the oldest one is the first publication). */}
              {h.changeSummary || (i === history.length - 1 ? m.firstPublished : m.updated)}
              {h.reviewer && (
                <>
                  {" "}
                  {m.reviewedBy}{" "}
                  {reviewerHref ? (
                    <a href={reviewerHref(h.reviewer.userId)}>{h.reviewer.displayName}</a>
                  ) : (
                    h.reviewer.displayName
                  )}
                  {h.reviewer.postNominals ? `, ${h.reviewer.postNominals}` : ""}.
                </>
              )}
              {h.unpublishedAt && <> {m.withdrawn(formatLongDate(h.unpublishedAt, locale))}</>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
