// A stored plagiarism report, readable without JavaScript: overall similarity against the policy threshold,
// each matched source with its share, and every matched passage side by side (ours | theirs) with the
// matching words highlighted (reworded passages: the differing words underlined; rewritten passages: the
// content words with no counterpart on the other side underlined).
// Used by the report page and the review screen.
import { reportIndexCoverage } from "@/lib/plagiarism/index-coverage";
import type { ReactNode } from "react";
import type { StoredReport } from "@/lib/plagiarism/read-report";
import "./plagiarism-report.css";

type SideText = { before: string; text: string; after: string; changed?: Array<[number, number]> };

/** The passage text with its changed words (reworded and rewritten passages) wrapped in <del>/<ins>-like marks. */
function MarkedText({ side, changedLabel }: { side: SideText; changedLabel: string }) {
  const spans = (side.changed ?? []).filter(([s, e]) => s >= 0 && e > s && e <= side.text.length);
  if (spans.length === 0) return <>{side.text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach(([s, e], i) => {
    if (s > at) parts.push(side.text.slice(at, s));
    parts.push(
      <span key={i} className="changed-words" data-testid="changed-words">
        <span className="visually-hidden">[{changedLabel}: </span>
        {side.text.slice(s, e)}
        <span className="visually-hidden">]</span>
      </span>,
    );
    at = e;
  });
  if (at < side.text.length) parts.push(side.text.slice(at));
  return <>{parts}</>;
}

function Side({ label, side, changedLabel }: { label: string; side: SideText; changedLabel: string }) {
  return (
    <blockquote className="passage-side">
      <p className="passage-label">{label}</p>
      <p>
        {side.before}
        {/* Screen readers do not announce <mark>; say where the matching words start and end. */}
        <mark>
          <span className="visually-hidden">[matching text] </span>
          <MarkedText side={side} changedLabel={changedLabel} />
          <span className="visually-hidden"> [end of matching text]</span>
        </mark>
        {side.after}
      </p>
    </blockquote>
  );
}

export function PlagiarismReportView({
  report,
  thresholdPercent,
  headingLevel = 2,
}: {
  report: StoredReport;
  thresholdPercent: number;
  headingLevel?: 2 | 3;
}) {
  const H = `h${headingLevel}` as "h2" | "h3";
  const H2 = `h${headingLevel + 1}` as "h3" | "h4";
  const over = report.similarity >= thresholdPercent;
  const index = reportIndexCoverage(report.parameters);
  const params = report.parameters as { k?: number; w?: number; guaranteeThresholdWords?: number; wordCount?: number };
  return (
    <section className="plagiarism-report" aria-labelledby={`report-${report.id}`} data-testid="plagiarism-report">
      <H id={`report-${report.id}`}>Plagiarism report</H>
      <p className={`notice ${over ? "error" : "ok"}`} data-testid="plagiarism-similarity">
        Overall similarity <strong>{report.similarity.toFixed(1)}%</strong> — {over ? "at or above" : "under"} the{" "}
        {thresholdPercent}% threshold.
      </p>
      {!index.complete && (
        <p className="notice warn" data-testid="plagiarism-index-incomplete">
          <strong>Index incomplete:</strong> this check ran while the plagiarism index was being rebuilt, against{" "}
          {index.indexed.toLocaleString("en")} of {index.total.toLocaleString("en")} sources, so it may have missed
          matches. It runs again by itself when the rebuild finishes; the publish gate does not accept it until then.
        </p>
      )}
      <p className="field-hint">
        Checked {report.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC by {report.checker}
        {params.wordCount !== undefined ? `, ${params.wordCount} words checked` : ""}
        {params.k
          ? `; word ${params.k}-grams, window ${params.w}: any shared run of ${params.guaranteeThresholdWords}+ words is found`
          : ""}
        {report.parameters.reworded ? "; reworded passages are found by their content words and synonyms" : ""}
        {report.parameters.rewritten
          ? "; rewritten passages are sentences saying the same things in other words, in the same order"
          : ""}
        . Quotations, the reference list and this article&apos;s own revisions are left out.
      </p>
      {report.matches.length === 0 ? (
        <p className="empty">No matching passages were found in other articles or the reference corpus.</p>
      ) : (
        <ol className="plagiarism-sources">
          {report.matches.map((m, i) => (
            <li
              key={`${m.source.kind}:${m.source.id || i}`}
              data-testid="plagiarism-source"
              data-source-hidden={m.source.hidden ? "true" : undefined}
            >
              <H2>
                {m.source.url && /^https?:\/\//.test(m.source.url) ? (
                  <a href={m.source.url} rel="noopener noreferrer">
                    {m.source.title}
                  </a>
                ) : m.source.url?.startsWith("/") ? (
                  <a href={m.source.url}>{m.source.title}</a>
                ) : (
                  m.source.title
                )}{" "}
                <span className="badge">{m.source.kind === "CORPUS" ? "Reference corpus" : "Article revision"}</span>{" "}
                <span className="source-percent">{m.percent.toFixed(1)}%</span>
              </H2>
              <ol className="passages">
                {m.passages.map((p, i) => (
                  <li key={i} className="passage" data-testid="plagiarism-passage">
                    {p.kind === "reworded" ? (
                      <p className="passage-kind">
                        <span className="badge reworded" data-testid="passage-reworded">
                          Reworded
                        </span>{" "}
                        {p.matchedWords} content words line up; words that differ are{" "}
                        <span className="changed-words">underlined</span>.
                      </p>
                    ) : p.kind === "rewritten" ? (
                      <p className="passage-kind">
                        <span className="badge rewritten" data-testid="passage-rewritten">
                          Rewritten
                        </span>{" "}
                        {p.matchedWords} {p.matchedWords === 1 ? "sentence says" : "sentences say"} the same things as
                        the source, in other words and in the same order; content words with no counterpart are{" "}
                        <span className="changed-words">underlined</span>.
                      </p>
                    ) : null}
                    <p className="visually-hidden">
                      Passage {i + 1} of {m.passages.length}: {p.matchedWords}{" "}
                      {p.kind === "reworded"
                        ? "aligned content words (reworded)"
                        : p.kind === "rewritten"
                          ? "sentences saying the same things (rewritten)"
                          : "matching words"}
                      .
                    </p>
                    <div className="passage-pair">
                      <Side
                        label="This revision"
                        side={p.ours}
                        changedLabel={p.kind === "rewritten" ? "no counterpart" : "changed here"}
                      />
                      {m.source.hidden ? (
                        <div className="passage-side">
                          <p className="passage-label">Source</p>
                          <p className="empty">Withheld: you may not open this article.</p>
                        </div>
                      ) : (
                        <Side
                          label="Source"
                          side={p.theirs}
                          changedLabel={p.kind === "rewritten" ? "not in this revision" : "source wording"}
                        />
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
