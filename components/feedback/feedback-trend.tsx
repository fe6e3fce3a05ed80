// The weekly feedback chart with its data table: the SVG is drawn on the server (lib/feedback/render-chart)
// and is an image with a text description; the table carries the same numbers for anyone who cannot see it.
import { renderFeedbackChartSvg, shortWeekLabel } from "@/lib/feedback/render-chart";
import type { WeekPoint } from "@/lib/feedback/feedback-stats";
import { TableScroll } from "@/components/studio/table-scroll";

export function FeedbackTrend({
  weeks,
  title,
  idPrefix = "feedback-chart",
}: {
  weeks: WeekPoint[];
  title: string;
  idPrefix?: string;
}) {
  // The SVG string escapes every text it contains; it holds no script and loads nothing.
  const svg = renderFeedbackChartSvg(weeks, { title, idPrefix });
  return (
    <>
      <figure className="feedback-chart-figure">
        <div dangerouslySetInnerHTML={{ __html: svg }} data-testid="feedback-chart" />
        <figcaption>
          Bars: answers per week (Monday to Sunday, UTC). Diamonds: reports that the article is inaccurate or outdated.
        </figcaption>
      </figure>
      <TableScroll label={`${title}: numbers per week`}>
        <table data-testid="feedback-trend-table">
          <caption className="visually-hidden">{title}: numbers per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Yes</th>
              <th scope="col">No</th>
              <th scope="col">Inaccurate or outdated</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">
                  <time dateTime={w.weekStart}>
                    {shortWeekLabel(w.weekStart)} {w.weekStart.slice(0, 4)}
                  </time>
                </th>
                <td>{w.yes}</td>
                <td>{w.no}</td>
                <td>{w.reports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
