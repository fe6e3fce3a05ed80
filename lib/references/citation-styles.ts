// The citation styles an article can be formatted in. Vancouver is the default (biomedical journals and most
// health publishers); AMA and APA are offered for teams that follow them. The CSL files live in ./csl (see
// its README for their licence), read once per process.
import { z } from "zod";

export const CITATION_STYLES = {
  vancouver: { label: "Vancouver", description: "ICMJE / NLM, numbered (the default)", file: "vancouver.csl" },
  ama: {
    label: "AMA",
    description: "American Medical Association (JAMA), numbered",
    file: "american-medical-association.csl",
  },
  apa: { label: "APA", description: "American Psychological Association, 7th edition", file: "apa.csl" },
} as const;

export type CitationStyle = keyof typeof CITATION_STYLES;
export const CITATION_STYLE_IDS = Object.keys(CITATION_STYLES) as [CitationStyle, ...CitationStyle[]];
export const DEFAULT_CITATION_STYLE: CitationStyle = "vancouver";

export const citationStyleSchema = z.enum(CITATION_STYLE_IDS, {
  error: "Choose Vancouver, AMA or APA.",
});

export function isCitationStyle(value: unknown): value is CitationStyle {
  return typeof value === "string" && Object.hasOwn(CITATION_STYLES, value);
}

/** A stored value that is not a known style (an old row, a hand edit) formats as the default. */
export function toCitationStyle(value: unknown): CitationStyle {
  return isCitationStyle(value) ? value : DEFAULT_CITATION_STYLE;
}
