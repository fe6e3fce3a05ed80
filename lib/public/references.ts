// References as readers see them: numbered in order of first use in the body, each with one safe link.
import { z } from "zod";
import type { PublicReference } from "./types";

// Revision.referencesJson is written by the freeze step; read it leniently (missing optional fields become
// empty) so an older or partial snapshot still renders instead of failing the page.
const frozenReference = z.object({
  key: z.string(),
  authors: z.string().nullish(),
  title: z.string().nullish(),
  containerTitle: z.string().nullish(),
  year: z.number().int().nullish(),
  url: z.string().nullish(),
  doi: z.string().nullish(),
  pmid: z.string().nullish(),
  accessedAt: z.union([z.string(), z.date()]).nullish(),
  peerReviewed: z.boolean().nullish(),
  position: z.number().nullish(),
});
export type FrozenReference = z.infer<typeof frozenReference>;

export function parseFrozenReferences(json: string): FrozenReference[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: FrozenReference[] = [];
  for (const item of raw) {
    const parsed = frozenReference.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** refKeys of citation nodes in document order (duplicates kept). */
export function citationKeysInOrder(doc: unknown): string[] {
  const keys: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as { type?: unknown; attrs?: { refKey?: unknown }; content?: unknown };
    if (n.type === "citation" && typeof n.attrs?.refKey === "string") keys.push(n.attrs.refKey);
    if (Array.isArray(n.content)) n.content.forEach(walk);
  };
  walk(doc);
  return keys;
}

export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

export function referenceHref(ref: Pick<FrozenReference, "url" | "doi" | "pmid">): string | null {
  const url = httpUrl(ref.url);
  if (url) return url;
  const doi = ref.doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, "");
  if (doi && /^10\.\S+\/\S+$/.test(doi)) return `https://doi.org/${doi.split("/").map(encodeURIComponent).join("/")}`;
  const pmid = ref.pmid?.trim();
  if (pmid && /^\d{1,9}$/.test(pmid)) return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  return null;
}

/**
 * Numbers references by first citation in the body; references never cited keep their list order after the
 * cited ones. Citations to unknown keys are ignored (the publish gate refuses them anyway).
 */
export function numberReferences(doc: unknown, refs: FrozenReference[]): PublicReference[] {
  const byKey = new Map(refs.map((r) => [r.key, r]));
  const order: string[] = [];
  for (const key of citationKeysInOrder(doc)) if (byKey.has(key) && !order.includes(key)) order.push(key);
  const rest = [...refs].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).filter((r) => !order.includes(r.key));
  return [...order.map((k) => byKey.get(k)!), ...rest].map((r, i) => ({
    number: i + 1,
    key: r.key,
    authors: r.authors ?? "",
    title: r.title ?? "",
    containerTitle: r.containerTitle ?? "",
    year: r.year ?? null,
    url: httpUrl(r.url),
    doi: r.doi ?? null,
    pmid: r.pmid ?? null,
    accessedAt: r.accessedAt ? new Date(r.accessedAt).toISOString() : null,
    peerReviewed: r.peerReviewed ?? false,
    href: referenceHref(r),
  }));
}
