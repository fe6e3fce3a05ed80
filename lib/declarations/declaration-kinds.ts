// What a declaration of interests can say, and how organisation names are compared. Kept apart so forms and
// the public page can import the labels without the database code.
export const INTEREST_KINDS = ["FINANCIAL", "PROFESSIONAL", "PERSONAL"] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];

export const INTEREST_KIND_LABELS: Record<InterestKind, string> = {
  FINANCIAL: "Financial (payments, grants, shares, paid advice)",
  PROFESSIONAL: "Professional (roles, advisory boards, affiliations)",
  PERSONAL: "Personal (family, close relationships, personal experience)",
};

/** Writers, reviewers and editors keep declarations; admins only administer. */
export function mayDeclare(actor: { roles: readonly string[] }): boolean {
  return actor.roles.some((r) => r === "WRITER" || r === "REVIEWER" || r === "EDITOR");
}

/** A declaration is stale after this many months: its owner and the admins are asked to renew it. */
export const DECLARATION_RENEWAL_MONTHS = 12;

/** NONE, or the kinds declared, from the stored comma-separated text. */
export function parseKinds(stored: string): InterestKind[] {
  return stored
    .split(",")
    .map((k) => k.trim())
    .filter((k): k is InterestKind => (INTEREST_KINDS as readonly string[]).includes(k));
}

export function parseOrganisations(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [];
  } catch {
    return [];
  }
}

const LEGAL_SUFFIXES = new Set([
  "ltd",
  "limited",
  "plc",
  "inc",
  "incorporated",
  "llc",
  "gmbh",
  "ag",
  "sa",
  "bv",
  "nv",
  "co",
  "corp",
  "corporation",
  "company",
  "the",
]);

/**
 * An organisation's name reduced for comparison: case, accents, punctuation, "&"/"and" and legal-form words
 * ("Ltd", "Inc.", "GmbH", a leading "The") do not tell two organisations apart. "Acme Pharma Ltd." and
 * "ACME pharma" match; "Acme" and "Acme Pharma" do not (a parent and its subsidiary are named separately).
 */
export function normaliseOrganisation(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w && !LEGAL_SUFFIXES.has(w) && w !== "and")
    .join(" ");
}

/** Organisations named on both lists (as the first list spells them), compared by normalised name. */
export function sharedOrganisations(declared: readonly string[], named: readonly string[]): string[] {
  const wanted = new Set(named.map(normaliseOrganisation).filter(Boolean));
  return declared.filter((d) => wanted.has(normaliseOrganisation(d)));
}
