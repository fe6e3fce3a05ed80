import { describe, expect, it } from "vitest";
import { describeSeries, niceMax, renderFeedbackChartSvg } from "./render-chart";
import { escapeXml } from "../content/escape-xml";

const weeks = [
  { weekStart: "2026-11-09", yes: 4, no: 1, reports: 0 },
  { weekStart: "2026-11-16", yes: 0, no: 0, reports: 0 },
  { weekStart: "2026-11-23", yes: 2, no: 3, reports: 2 },
];

describe("renderFeedbackChartSvg", () => {
  it("is an accessible image named by its title and described by its numbers", () => {
    const svg = renderFeedbackChartSvg(weeks, { title: "Answers per week", idPrefix: "c1" });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Answers per week</title>');
    expect(svg).toContain("6 yes, 4 no, of which 2 reported the article inaccurate or outdated");
    expect(svg).not.toMatch(/<script|href=|xlink/);
  });

  it("draws one bar per non-zero value and a report marker per week", () => {
    const svg = renderFeedbackChartSvg(weeks, { title: "t" });
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="[^"]+"><title>/g)).toHaveLength(
      4,
    );
    expect(svg).toContain("Week of Nov 23: 3 no");
    expect(svg.match(/inaccurate or outdated reports<\/title>/g)).toHaveLength(3);
  });

  it("escapes text it is given", () => {
    const svg = renderFeedbackChartSvg(weeks, { title: `<script>alert("x")</script>`, description: "a & b" });
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain("a &amp; b");
    expect(escapeXml(`'"<>&`)).toBe("&#39;&quot;&lt;&gt;&amp;");
  });

  it("says so when there is nothing to show", () => {
    expect(describeSeries([{ weekStart: "2026-11-23", yes: 0, no: 0, reports: 0 }])).toMatch(/no answers yet/);
    expect(renderFeedbackChartSvg([], { title: "empty" })).toContain("No weeks to show.");
  });

  it("picks round axis maxima", () => {
    expect([0, 1, 3, 7, 11, 26, 180].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 200]);
  });
});
