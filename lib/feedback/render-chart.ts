// Draws the weekly feedback chart as an SVG string on the server: no script, no chart library, nothing loaded
// from elsewhere. Accessible: role="img" named by its <title> and described by a <desc> that states the numbers;
// "No" bars are hatched as well as coloured so they differ without colour; pages show the same numbers as a
// table next to it (see FeedbackTrendTable). Every piece of text is XML-escaped.
import { escapeXml } from "../content/escape-xml";
import type { WeekPoint } from "./feedback-stats";

export interface ChartOptions {
  title: string;
  /** Overrides the generated description. */
  description?: string;
  /** Prefix for element ids, unique within the page. */
  idPrefix?: string;
  width?: number;
  height?: number;
}

export const CHART_COLOURS = {
  yes: "#1d6b3a",
  no: "#a3241b",
  reports: "#1f2430",
  grid: "#d4d7dd",
  text: "#30343b",
} as const;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export function shortWeekLabel(weekStart: string): string {
  const [, m, d] = weekStart.split("-").map(Number);
  return `${MONTHS[m - 1]} ${d}`;
}

/** A round axis maximum at or above `max` (1, 2, 5 × 10ⁿ steps), at least 1. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

export function describeSeries(weeks: readonly WeekPoint[]): string {
  if (weeks.length === 0) return "No weeks to show.";
  const yes = weeks.reduce((s, w) => s + w.yes, 0);
  const no = weeks.reduce((s, w) => s + w.no, 0);
  const reports = weeks.reduce((s, w) => s + w.reports, 0);
  const range = `the ${weeks.length} weeks from ${shortWeekLabel(weeks[0].weekStart)} ${weeks[0].weekStart.slice(0, 4)} to the week of ${shortWeekLabel(weeks[weeks.length - 1].weekStart)} ${weeks[weeks.length - 1].weekStart.slice(0, 4)}`;
  if (yes + no === 0) return `Bar chart of answers per week over ${range}: no answers yet.`;
  const busiest = weeks.reduce((a, b) => (b.yes + b.no > a.yes + a.no ? b : a));
  return (
    `Bar chart of answers per week over ${range}: ${yes} yes, ${no} no, of which ${reports} reported the article inaccurate or outdated. ` +
    `Busiest week: ${shortWeekLabel(busiest.weekStart)} with ${busiest.yes} yes and ${busiest.no} no.`
  );
}

export function renderFeedbackChartSvg(weeks: readonly WeekPoint[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const id = options.idPrefix ?? "feedback-chart";
  const pad = { top: 16, right: 16, bottom: 64, left: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(0, ...weeks.map((w) => Math.max(w.yes, w.no, w.reports))));
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const slot = weeks.length ? plotW / weeks.length : plotW;
  const barW = Math.max(2, Math.min(18, slot * 0.35));
  const r = (n: number) => Math.round(n * 10) / 10;
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" class="feedback-chart">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(options.description ?? describeSeries(weeks))}</desc>`,
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="${CHART_COLOURS.no}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>`,
  );

  // Grid and y axis: five ticks at round values.
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, 1, 2, 3, 4].map((i) => (max * i) / 4);
  for (const t of ticks) {
    out.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${CHART_COLOURS.grid}" stroke-width="1"/>`,
      `<text x="${pad.left - 6}" y="${r(y(t) + 4)}" text-anchor="end" font-size="11" fill="${CHART_COLOURS.text}">${escapeXml(String(Math.round(t * 10) / 10))}</text>`,
    );
  }

  // Bars: yes (solid) and no (hatched) side by side in each week's slot.
  const labelEvery = Math.ceil(weeks.length / 12);
  weeks.forEach((w, i) => {
    const cx = pad.left + slot * i + slot / 2;
    const bar = (value: number, x: number, fill: string, label: string) =>
      value > 0
        ? `<rect x="${r(x)}" y="${r(y(value))}" width="${r(barW)}" height="${r(plotH + pad.top - y(value))}" fill="${fill}"><title>${escapeXml(label)}</title></rect>`
        : "";
    out.push(
      bar(w.yes, cx - barW - 1, CHART_COLOURS.yes, `Week of ${shortWeekLabel(w.weekStart)}: ${w.yes} yes`),
      bar(w.no, cx + 1, `url(#${id}-hatch)`, `Week of ${shortWeekLabel(w.weekStart)}: ${w.no} no`),
    );
    if (i % labelEvery === 0) {
      out.push(
        `<text x="${r(cx)}" y="${height - pad.bottom + 16}" text-anchor="middle" font-size="11" fill="${CHART_COLOURS.text}">${escapeXml(shortWeekLabel(w.weekStart))}</text>`,
      );
    }
  });

  // Reports of inaccurate/outdated content: a line with diamond markers over the bars.
  if (weeks.length) {
    const points = weeks.map((w, i) => `${r(pad.left + slot * i + slot / 2)},${r(y(w.reports))}`);
    out.push(
      `<polyline points="${points.join(" ")}" fill="none" stroke="${CHART_COLOURS.reports}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
    weeks.forEach((w, i) => {
      const cx = r(pad.left + slot * i + slot / 2);
      const cy = r(y(w.reports));
      out.push(
        `<path d="M${cx} ${cy - 4}L${cx + 4} ${cy}L${cx} ${cy + 4}L${cx - 4} ${cy}Z" fill="${CHART_COLOURS.reports}"><title>${escapeXml(`Week of ${shortWeekLabel(w.weekStart)}: ${w.reports} inaccurate or outdated reports`)}</title></path>`,
      );
    });
  }

  // Axis line and legend.
  out.push(
    `<line x1="${pad.left}" x2="${width - pad.right}" y1="${pad.top + plotH}" y2="${pad.top + plotH}" stroke="${CHART_COLOURS.text}" stroke-width="1"/>`,
  );
  const ly = height - 18;
  out.push(
    `<g font-size="12" fill="${CHART_COLOURS.text}">`,
    `<rect x="${pad.left}" y="${ly - 10}" width="12" height="12" fill="${CHART_COLOURS.yes}"/><text x="${pad.left + 18}" y="${ly}">Yes, helpful</text>`,
    `<rect x="${pad.left + 120}" y="${ly - 10}" width="12" height="12" fill="url(#${id}-hatch)"/><text x="${pad.left + 138}" y="${ly}">No</text>`,
    `<path d="M${pad.left + 206} ${ly - 8}L${pad.left + 210} ${ly - 4}L${pad.left + 206} ${ly}L${pad.left + 202} ${ly - 4}Z" fill="${CHART_COLOURS.reports}"/><text x="${pad.left + 218}" y="${ly}">Inaccurate or outdated reports</text>`,
    `</g>`,
    `</svg>`,
  );
  return out.filter(Boolean).join("");
}
