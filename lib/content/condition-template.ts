// The "condition article" template: the sections every condition page has (PRODUCT.md). New articles start
// with these headings; the content checks report any that are missing.
import type { DocumentJson } from "./document-schema";

export const CONDITION_SECTIONS = [
  "What is it?",
  "Types",
  "Causes",
  "Symptoms",
  "Diagnosis",
  "Treatment",
  "Outlook",
] as const;

export function conditionTemplate(): DocumentJson {
  return {
    type: "doc",
    content: CONDITION_SECTIONS.flatMap((title) => [
      { type: "heading" as const, attrs: { level: 2 as const }, content: [{ type: "text" as const, text: title }] },
      { type: "paragraph" as const },
    ]),
  };
}
