// The standards a publisher reports against: one JSON file per standard in ./mappings (editable: add a criterion,
// change which checks evidence it), validated here so that a typo in a check id fails loudly at start, not as a
// silently passing criterion.
import { z } from "zod";
import { EVIDENCE_CHECK_IDS, type EvidenceCheckId } from "./evidence-checks";
import pifTick from "./mappings/pif-tick.json";
import nhsHealthContent from "./mappings/nhs-standard-for-creating-health-content.json";

const checkId = z.enum(EVIDENCE_CHECK_IDS as [EvidenceCheckId, ...EvidenceCheckId[]], {
  error: (issue) => `Unknown evidence check "${String(issue.input)}" (known: ${EVIDENCE_CHECK_IDS.join(", ")}).`,
});

export const standardMappingSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "A standard's id is lower-case letters, digits and hyphens."),
  name: z.string().min(1),
  source: z.url(),
  note: z.string().default(""),
  criteria: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().min(1),
        summary: z.string().min(1),
        /** Empty: the criterion is about the organisation, evidenced outside Imprimatur. */
        checks: z.array(checkId),
      }),
    )
    .min(1),
});
export type StandardMapping = z.output<typeof standardMappingSchema>;

export const STANDARD_MAPPINGS: readonly StandardMapping[] = [nhsHealthContent, pifTick].map((m) =>
  standardMappingSchema.parse(m),
);

export function findStandard(id: string | undefined): StandardMapping {
  return STANDARD_MAPPINGS.find((s) => s.id === id) ?? STANDARD_MAPPINGS[0];
}
