// Whether an article's sources still stand: every reference URL answers (bounded concurrency, timeouts,
// redirects followed with a cap; 404/410 and unknown hosts reported; private addresses never fetched), and
// no cited DOI has been retracted or corrected since (Crossref update notices). Results are stored per
// target in SourceCheck, shared by all articles citing the same URL or DOI, and read by the publish gate
// (lib/gate) and the checks panel.
import type { DbTx } from "../db/client";
import { parseReferencesJson } from "../content/reference-snapshot";
import type { ReferenceLookup, WorkUpdate } from "./reference-lookup";
import { safeFetch, type SafeFetchOptions } from "./safe-fetch";

export type LinkStatus = "OK" | "BROKEN" | "BLOCKED";
export type UpdateStatus = "OK" | "RETRACTED" | "CORRECTED" | "UNKNOWN";

export interface LinkResult {
  url: string;
  status: LinkStatus;
  httpStatus: number | null;
  detail: string;
}

/** Runs `work` over `items` with at most `limit` running at once; results in input order. */
export async function mapBounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  });
  await Promise.all(runners);
  return out;
}

/** One link: HEAD would be cheaper, but many sites answer HEAD wrongly (405/403), so GET it is. */
export async function checkLink(url: string, options: SafeFetchOptions = {}): Promise<LinkResult> {
  const res = await safeFetch(url, { timeoutMs: 10_000, maxRedirects: 5, ...options });
  if (!res.ok) {
    const status: LinkStatus = res.reason === "BLOCKED" || res.reason === "BAD_URL" ? "BLOCKED" : "BROKEN";
    return { url, status, httpStatus: null, detail: res.detail };
  }
  if (res.status === 404 || res.status === 410)
    return {
      url,
      status: "BROKEN",
      httpStatus: res.status,
      detail: res.status === 404 ? "Not found (404)." : "Gone (410).",
    };
  if (res.status >= 500)
    return {
      url,
      status: "BROKEN",
      httpStatus: res.status,
      detail: `The server answered with an error (${res.status}).`,
    };
  return {
    url,
    status: "OK",
    httpStatus: res.status,
    detail: res.redirects ? `Redirected ${res.redirects}× to ${res.finalUrl}` : "",
  };
}

export async function checkLinks(urls: string[], options: SafeFetchOptions & { concurrency?: number } = {}) {
  const unique = [...new Set(urls)];
  return mapBounded(unique, options.concurrency ?? 6, (u) => checkLink(u, options));
}

/**
 * Which notices matter: a retraction (or withdrawal) makes a source unusable; corrections, and newer versions or
 * editions that supersede the cited one, are worth a look (an advisory: the evidence may have moved on).
 */
export function updateStatus(updates: WorkUpdate[] | null): { status: UpdateStatus; detail: string } {
  if (updates === null) return { status: "UNKNOWN", detail: "Crossref does not know this DOI." };
  const retraction = updates.find((u) => u.type === "retraction" || u.type === "withdrawal" || u.type === "removal");
  if (retraction)
    return {
      status: "RETRACTED",
      detail: `${retraction.label || "Retraction"}${retraction.date ? ` (${retraction.date})` : ""}: https://doi.org/${retraction.doi}`,
    };
  const correction = updates.find((u) =>
    [
      "correction",
      "erratum",
      "corrigendum",
      "expression_of_concern",
      "addendum",
      "clarification",
      "partial_retraction",
      "new_version",
      "new_edition",
      "superseded",
    ].includes(u.type),
  );
  if (correction)
    return {
      status: "CORRECTED",
      detail: `${correction.label || UPDATE_LABELS[correction.type] || "Correction"}${correction.date ? ` (${correction.date})` : ""}: https://doi.org/${correction.doi}`,
    };
  return { status: "OK", detail: "" };
}

const UPDATE_LABELS: Record<string, string> = {
  new_version: "Newer version",
  new_edition: "New edition",
  superseded: "Superseded",
  partial_retraction: "Partial retraction",
  clarification: "Clarification",
};

async function store(
  db: DbTx,
  kind: "LINK" | "UPDATES",
  target: string,
  status: string,
  httpStatus: number | null,
  detail: string,
) {
  await db.sourceCheck.upsert({
    where: { kind_target: { kind, target } },
    create: { kind, target, status, httpStatus, detail },
    update: { status, httpStatus, detail, checkedAt: new Date() },
  });
}

export interface SourceCheckSummary {
  links: LinkResult[];
  updates: Array<{ doi: string; status: UpdateStatus; detail: string }>;
  errors: string[];
}

/** Checks the links and DOIs of a revision's references (or the article's working references); stores the results. */
export async function checkSources(
  db: DbTx,
  lookup: ReferenceLookup,
  references: Array<{ url?: string | null; doi?: string | null }>,
  options: SafeFetchOptions & { concurrency?: number; skipLinks?: boolean } = {},
): Promise<SourceCheckSummary> {
  const urls = options.skipLinks ? [] : references.map((r) => r.url).filter((u): u is string => !!u);
  const dois = [...new Set(references.map((r) => r.doi?.toLowerCase()).filter((d): d is string => !!d))];
  const errors: string[] = [];
  const links = await checkLinks(urls, options);
  for (const l of links) await store(db, "LINK", l.url, l.status, l.httpStatus, l.detail);
  const updates = await mapBounded(dois, options.concurrency ?? 4, async (doi) => {
    try {
      return { doi, ...updateStatus(await lookup.updates(doi)) };
    } catch (err) {
      errors.push(`${doi}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  });
  const found = updates.filter((u): u is NonNullable<typeof u> => !!u);
  // A registry that could not be reached leaves the earlier result in place (it is not "OK" now).
  for (const u of found) await store(db, "UPDATES", u.doi, u.status, null, u.detail);
  return { links, updates: found, errors };
}

export async function checkRevisionSources(
  db: DbTx,
  lookup: ReferenceLookup,
  revisionId: string,
  options: SafeFetchOptions & { skipLinks?: boolean } = {},
) {
  const r = await db.revision.findUnique({ where: { id: revisionId }, select: { referencesJson: true } });
  if (!r) return { links: [], updates: [], errors: ["That revision does not exist."] } as SourceCheckSummary;
  return checkSources(db, lookup, parseReferencesJson(r.referencesJson), options);
}

export interface StoredSourceState {
  retracted: Array<{ doi: string; title: string; detail: string }>;
  corrected: Array<{ doi: string; title: string; detail: string }>;
  broken: Array<{ url: string; title: string; detail: string }>;
  checkedAt: Date | null;
  /** References with a URL or DOI that no check has seen yet. */
  unchecked: number;
}

/** What the stored checks say about a set of references (the gate and the panels read this). */
export async function sourceState(
  db: DbTx,
  references: Array<{ title?: string | null; url?: string | null; doi?: string | null }>,
): Promise<StoredSourceState> {
  const urls = [...new Set(references.map((r) => r.url).filter((u): u is string => !!u))];
  const dois = [...new Set(references.map((r) => r.doi?.toLowerCase()).filter((d): d is string => !!d))];
  const rows =
    urls.length + dois.length
      ? await db.sourceCheck.findMany({
          where: {
            OR: [
              ...(urls.length ? [{ kind: "LINK", target: { in: urls } }] : []),
              ...(dois.length ? [{ kind: "UPDATES", target: { in: dois } }] : []),
            ],
          },
        })
      : [];
  const byKey = new Map(rows.map((r) => [`${r.kind}:${r.target}`, r]));
  const state: StoredSourceState = { retracted: [], corrected: [], broken: [], checkedAt: null, unchecked: 0 };
  for (const ref of references) {
    const title = ref.title ?? "";
    if (ref.doi) {
      const row = byKey.get(`UPDATES:${ref.doi.toLowerCase()}`);
      if (!row) state.unchecked++;
      else if (row.status === "RETRACTED") state.retracted.push({ doi: ref.doi, title, detail: row.detail });
      else if (row.status === "CORRECTED") state.corrected.push({ doi: ref.doi, title, detail: row.detail });
    }
    if (ref.url) {
      const row = byKey.get(`LINK:${ref.url}`);
      if (!row) state.unchecked++;
      else if (row.status !== "OK") state.broken.push({ url: ref.url, title, detail: row.detail });
    }
  }
  for (const r of rows) if (!state.checkedAt || r.checkedAt > state.checkedAt) state.checkedAt = r.checkedAt;
  return state;
}
