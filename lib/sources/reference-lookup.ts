// References from identifiers. A writer pastes a DOI, a PMID, or a doi.org / PubMed address; the fields fill
// in from the registries: DOIs by content negotiation at doi.org (CSL-JSON, which Crossref, DataCite and
// mEDRA all answer), PMIDs from NCBI's Literature Citation Exporter (CSL-JSON), and Crossref's works record
// for notices (retractions, corrections) that update a DOI. Behind the ReferenceLookup interface, with base
// URLs from the environment so tests point it at a local stub; answers are cached in ReferenceLookupCache.
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { normaliseDoi } from "../references/reference-schema";
import { parseIdentifier } from "../references/parse-identifier";
import { safeFetch } from "./safe-fetch";

export interface LookupConfig {
  /** doi.org content negotiation, e.g. https://doi.org */
  doiBaseUrl: string;
  /** Crossref REST API, e.g. https://api.crossref.org */
  crossrefBaseUrl: string;
  /** NCBI citation exporter, e.g. https://api.ncbi.nlm.nih.gov/lit/ctxp/v1/pubmed */
  pubmedBaseUrl: string;
  timeoutMs: number;
}

export function lookupConfigFromEnv(): LookupConfig {
  const trim = (s: string) => s.replace(/\/+$/, "");
  return {
    doiBaseUrl: trim(process.env.DOI_BASE_URL || "https://doi.org"),
    crossrefBaseUrl: trim(process.env.CROSSREF_API_URL || "https://api.crossref.org"),
    pubmedBaseUrl: trim(process.env.PUBMED_CITATION_URL || "https://api.ncbi.nlm.nih.gov/lit/ctxp/v1/pubmed"),
    timeoutMs: Number(process.env.SOURCES_TIMEOUT_MS) || 10_000,
  };
}

/** The subset of CSL-JSON we read. */
export interface CslItem {
  type?: string;
  title?: string | string[];
  "container-title"?: string | string[];
  publisher?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { "date-parts"?: Array<Array<number | string>> };
  DOI?: string;
  PMID?: string;
  URL?: string;
  volume?: string;
  issue?: string;
  page?: string;
}

export interface WorkUpdate {
  /** Crossref update type: retraction, correction, erratum, expression_of_concern, withdrawal, … */
  type: string;
  /** DOI of the notice. */
  doi: string;
  label: string;
  date: string | null;
}

export interface ReferenceLookup {
  /** CSL-JSON for a DOI, or null when the registry does not know it. */
  doi(doi: string): Promise<CslItem | null>;
  /** CSL-JSON for a PubMed id, or null when PubMed does not know it. */
  pmid(pmid: string): Promise<CslItem | null>;
  /** Notices that update this DOI (Crossref "updated-by", else works filtered by updates:DOI). */
  updates(doi: string): Promise<WorkUpdate[] | null>;
}

export { parseIdentifier, type Identifier } from "../references/parse-identifier";

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.replace(/\s+/g, " ").trim() ?? "";
}

/** CSL-JSON → the reference form's fields (Vancouver-style author list "Family AB, Family C"). */
export function cslToReferenceFields(item: CslItem) {
  const authors = (item.author ?? [])
    .map((a) =>
      a.literal
        ? a.literal
        : `${a.family ?? ""} ${(a.given ?? "")
            .split(/[\s.-]+/)
            .filter(Boolean)
            .map((g) => g[0].toUpperCase())
            .join("")}`.trim(),
    )
    .filter(Boolean);
  const year = Number(item.issued?.["date-parts"]?.[0]?.[0]);
  return {
    authors: authors.length > 6 ? [...authors.slice(0, 6), "et al"].join(", ") : authors.join(", "),
    title: first(item.title).replace(/\.$/, ""),
    containerTitle: first(item["container-title"]) || item.publisher || "",
    year: Number.isInteger(year) && year > 1500 ? year : null,
    doi: item.DOI ? normaliseDoi(item.DOI) : null,
    pmid: item.PMID ? String(item.PMID) : null,
    url: item.URL && /^https?:\/\//i.test(item.URL) ? item.URL : null,
  };
}

/** The HTTP implementation (doi.org, Crossref, NCBI). */
export function httpReferenceLookup(config: LookupConfig = lookupConfigFromEnv()): ReferenceLookup {
  const getJson = async (url: string, accept: string): Promise<unknown | null> => {
    const res = await safeFetch(url, { timeoutMs: config.timeoutMs, headers: { accept } });
    if (!res.ok) throw new AppError("UNAVAILABLE", `The registry could not be reached (${res.detail}).`);
    if (res.status === 404) return null;
    if (res.status >= 400) throw new AppError("UNAVAILABLE", `The registry answered with an error (${res.status}).`);
    try {
      return JSON.parse(res.body ?? "");
    } catch {
      throw new AppError("UNAVAILABLE", "The registry's answer could not be read.");
    }
  };
  return {
    async doi(doi) {
      return (await getJson(
        `${config.doiBaseUrl}/${encodeURI(doi)}`,
        "application/vnd.citationstyles.csl+json",
      )) as CslItem | null;
    },
    async pmid(pmid) {
      return (await getJson(
        `${config.pubmedBaseUrl}/?format=csl&id=${encodeURIComponent(pmid)}`,
        "application/json",
      )) as CslItem | null;
    },
    async updates(doi) {
      const work = (await getJson(
        `${config.crossrefBaseUrl}/works/${encodeURIComponent(doi)}`,
        "application/json",
      )) as {
        message?: { "updated-by"?: Array<Record<string, unknown>> };
      } | null;
      if (!work) return null;
      const direct = work.message?.["updated-by"];
      if (Array.isArray(direct)) return direct.map(toUpdate);
      // Older records: the notices point at the work ("update-to"); ask for works that update it.
      const notices = (await getJson(
        `${config.crossrefBaseUrl}/works?filter=updates:${encodeURIComponent(doi)}`,
        "application/json",
      )) as { message?: { items?: Array<{ DOI?: string; "update-to"?: Array<Record<string, unknown>> }> } } | null;
      const out: WorkUpdate[] = [];
      for (const item of notices?.message?.items ?? [])
        for (const u of item["update-to"] ?? [])
          if (String(u.DOI ?? "").toLowerCase() === doi.toLowerCase())
            out.push({ ...toUpdate(u), doi: item.DOI ?? "" });
      return out;
    },
  };
}

function toUpdate(u: Record<string, unknown>): WorkUpdate {
  const updated = u.updated as { "date-parts"?: number[][] } | undefined;
  const parts = updated?.["date-parts"]?.[0];
  return {
    type: String(u.type ?? "").toLowerCase(),
    doi: String(u.DOI ?? ""),
    label: String(u.label ?? u.type ?? ""),
    date: parts ? parts.map((n) => String(n).padStart(2, "0")).join("-") : null,
  };
}

/** How long a cached answer is used before asking again. Metadata rarely changes; notices can appear. */
const METADATA_TTL_MS = 30 * 24 * 3600_000;

/** Looks up an identifier (cached in the database) and returns the reference form's fields. */
export async function lookupReference(db: DbTx, lookup: ReferenceLookup, raw: string) {
  const id = parseIdentifier(raw);
  if (!id)
    throw new AppError(
      "VALIDATION",
      "Paste a DOI (10.1234/…, doi:…, https://doi.org/…), a PMID (digits) or a PubMed address.",
      { fieldErrors: { identifier: ["That is not a DOI, PMID or PubMed/DOI address."] } },
    );
  const key = `${id.kind}:${id.value.toLowerCase()}`;
  const cached = await db.referenceLookupCache.findUnique({ where: { key } });
  let item: CslItem | null;
  if (cached && Date.now() - cached.fetchedAt.getTime() < METADATA_TTL_MS) item = JSON.parse(cached.json) as CslItem;
  else {
    const answer = id.kind === "doi" ? await lookup.doi(id.value) : await lookup.pmid(id.value);
    item = Array.isArray(answer) ? ((answer[0] as CslItem | undefined) ?? null) : answer;
    if (!item)
      throw new AppError("NOT_FOUND", `No record was found for ${id.kind === "doi" ? "DOI" : "PMID"} ${id.value}.`, {
        fieldErrors: { identifier: [`No record was found for ${id.value}.`] },
      });
    await db.referenceLookupCache.upsert({
      where: { key },
      create: { key, json: JSON.stringify(item) },
      update: { json: JSON.stringify(item), fetchedAt: new Date() },
    });
  }
  const fields = cslToReferenceFields(item);
  if (id.kind === "doi") fields.doi ??= id.value;
  else fields.pmid ??= id.value;
  return { identifier: id, fields, csl: item };
}
