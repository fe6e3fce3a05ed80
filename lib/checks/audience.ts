// Who an article is written for (Article.audience) and the readability target that follows from it. Kept
// apart from the rules so the studio's settings form can import it without the checkers.
/** Who an article is written for (Article.audience). */
export const AUDIENCES = ["patients", "professionals"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  patients: "General public and patients",
  professionals: "Clinicians and health professionals",
};

/**
 * Flesch–Kincaid grade targets: information for the public at most grade 8 (the usual plain-language advice
 * for patient materials, which often aim lower still); text for clinicians may be as dense as a university
 * text (grade 14), past which it is hard going even for specialists.
 */
export const READABILITY_TARGETS: Record<Audience, number> = { patients: 8, professionals: 14 };

/**
 * INFLESZ targets for Spanish text (Barrio-Cantalejo et al. 2008, on the Szigriszt-Pazos score, 0–100, higher is
 * easier): text for the public at least 55 ("normal" on the INFLESZ scale, where health information for patients
 * should sit), text for clinicians at least 40 (below is "very difficult", scientific papers).
 */
export const INFLESZ_TARGETS: Record<Audience, number> = { patients: 55, professionals: 40 };

export function toAudience(value: unknown): Audience {
  return (AUDIENCES as readonly unknown[]).includes(value) ? (value as Audience) : "patients";
}
