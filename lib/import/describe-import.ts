// What the importer did with a page's sources, in sentences for the writer (the import screen, the notice on the
// editor after a plain form post, the command-line import). Plain data in, plain text out: usable on both sides.
import type { ImportSummary } from "./html-to-document";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeImport(s: ImportSummary): string[] {
  if (!s.references)
    return [
      "No source list was found in the page, so the article has no references yet. Add its sources in the reference panel beside the text.",
    ];
  const where = s.sections.map((x) =>
    x === "no heading" ? "at the end of the page, without a heading" : `under “${x}”`,
  );
  const lines = [`${plural(s.references, "reference")} made from the page’s sources (${where.join("; ")}).`];
  if (s.needDetails)
    lines.push(
      `${plural(s.needDetails, "reference needs", "references need")} details: ${s.needDetails === 1 ? "it is" : "they are"} marked “Needs details” in the reference panel. Check ${s.needDetails === 1 ? "it" : "them"} against the source and complete the missing fields.`,
    );
  lines.push(
    s.citationsLinked
      ? `${plural(s.citationsLinked, "citation marker")} in the text now ${s.citationsLinked === 1 ? "points" : "point"} at ${s.references === 1 ? "it" : "them"}.`
      : "The text had no citation markers that point at these sources: cite them where they support the text.",
  );
  if (s.markersKeptAsText) lines.push(`${plural(s.markersKeptAsText, "marker")} matched no source and stayed as text.`);
  if (s.splits.length)
    lines.push(
      `Publisher and title had run together in ${plural(s.splits.length, "entry", "entries")} and were split: ${s.splits
        .map((x) => `publisher “${x.publisher}”, title “${x.title}”`)
        .join("; ")}. Correct them in the reference panel if the split is wrong.`,
    );
  return lines;
}
