// Completeness rules: summary, disclaimer, and the sections of the condition template.
import type { TextBlock } from "../../content/document-blocks";
import type { CheckInput, Finding } from "../types";

export function missingSummary(input: CheckInput): Finding[] {
  if (input.summary.trim()) return [];
  return [
    {
      rule: "missing-summary",
      severity: "blocking",
      message: "The article has no summary (readers and search results show it first).",
      location: { field: "summary" },
    },
  ];
}

// The sentences that say the page is not medical advice, in the usual wordings.
const DISCLAIMER =
  /(does not|doesn[’']t|do not|is not intended to) (provide|constitute|replace|give|be a substitute for)\b[^.]{0,40}\b(medical|professional|health)\b[^.]{0,20}\badvice|not (a )?substitute for (professional )?(medical|health)/i;

/**
 * The disclaimer must be said somewhere: in the body, or by the site on every article page. Callers pass
 * `siteDisclaimer: true` when the public page prints it for every article, which makes this rule pass.
 */
export function missingDisclaimer(input: CheckInput, blocks: TextBlock[], siteDisclaimer: boolean): Finding[] {
  if (siteDisclaimer) return [];
  if (DISCLAIMER.test(input.summary) || blocks.some((b) => DISCLAIMER.test(b.text))) return [];
  return [
    {
      rule: "missing-disclaimer",
      severity: "advisory",
      message: "No disclaimer found: add a sentence saying the article does not provide medical advice.",
      location: { field: "body" },
    },
  ];
}

/** The condition template's sections and the heading wordings that count for each. */
export const TEMPLATE_SECTIONS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  // Each pattern also takes the usual Spanish heading (¿Qué es?, Tipos, Causas, Síntomas, Diagnóstico,
  // Tratamiento, Pronóstico), so a translated article is held to the same template.
  { name: "What is it?", pattern: /\bwhat (is|are)\b|\boverview\b|\babout\b|\bqu[eé] (es|son)\b|\bdescripci[oó]n\b/i },
  { name: "Types", pattern: /\btypes?\b|\bkinds?\b|\bforms?\b|\btipos?\b|\bformas?\b|\bclases\b/i },
  { name: "Causes", pattern: /\bcause|\brisk factors?\b|\bcausa|\bfactores de riesgo\b/i },
  { name: "Symptoms", pattern: /\bsymptom|\bsigns?\b|\bs[ií]ntoma|\bsignos?\b/i },
  { name: "Diagnosis", pattern: /\bdiagnos|\bdiagn[oó]stic/i },
  { name: "Treatment", pattern: /\btreat|\bmanagement\b|\btherap|\btratamiento|\bterapia|\bmanejo\b/i },
  {
    name: "Outlook",
    pattern: /\boutlook\b|\bprognosis\b|\boutcomes?\b|\bliving with\b|\bpron[oó]stico|\bvivir con\b|\bevoluci[oó]n\b/i,
  },
];

/** Condition articles (those with a condition name) should have every template section. */
export function missingTemplateSections(input: CheckInput, blocks: TextBlock[]): Finding[] {
  if (!input.conditionName?.trim()) return [];
  const headings = blocks.filter((b) => b.type === "heading" && !b.inQuote).map((b) => b.text);
  return TEMPLATE_SECTIONS.filter((s) => !headings.some((h) => s.pattern.test(h))).map((s) => ({
    rule: "missing-section",
    severity: "advisory" as const,
    message: `The condition template's section “${s.name}” is missing.`,
    location: { field: "body" as const, excerpt: s.name },
  }));
}
