// Source checks against a local stub replaying recorded registry responses (tests/helpers/source-stub.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { RETRACTED_DOI, startSourceStub, type SourceStub } from "../../tests/helpers/source-stub";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { makeUser } from "../../tests/helpers/factory";
import { checkLinks, checkSources, sourceState, updateStatus } from "./check-sources";
import { httpReferenceLookup, lookupReference, parseIdentifier, type ReferenceLookup } from "./reference-lookup";
import { safeFetch } from "./safe-fetch";
import { claimNextJob, enqueueWeeklyChecks, runSourceCheckJobs } from "./source-check-jobs";

const t = createTestDb();
let stub: SourceStub;
let lookup: ReferenceLookup;

beforeAll(async () => {
  stub = await startSourceStub();
  lookup = httpReferenceLookup({
    doiBaseUrl: `${stub.url}/doi`,
    crossrefBaseUrl: `${stub.url}/crossref`,
    pubmedBaseUrl: `${stub.url}/pubmed`,
    timeoutMs: 2_000,
  });
  process.env.SOURCES_ALLOW_PRIVATE = "1";
});
afterAll(async () => {
  delete process.env.SOURCES_ALLOW_PRIVATE;
  await stub.close();
  await t.cleanup();
});

describe("identifiers", () => {
  it("reads DOIs, PMIDs and their addresses as pasted", () => {
    expect(parseIdentifier("https://doi.org/10.1016/S0140-6736(16)00346-9")).toEqual({
      kind: "doi",
      value: "10.1016/S0140-6736(16)00346-9",
    });
    expect(parseIdentifier("doi: 10.3390/jcm10051012")).toEqual({ kind: "doi", value: "10.3390/jcm10051012" });
    expect(parseIdentifier("https://pubmed.ncbi.nlm.nih.gov/21288096/")).toEqual({ kind: "pmid", value: "21288096" });
    expect(parseIdentifier("PMID: 21288096")).toEqual({ kind: "pmid", value: "21288096" });
    expect(parseIdentifier("not an id")).toBeNull();
  });
});

describe("reference lookup", () => {
  it("fills the fields from a DOI (content negotiation) and caches the answer", async () => {
    const { fields } = await lookupReference(t.db, lookup, "https://doi.org/10.1016/S0140-6736(16)00346-9");
    expect(fields).toMatchObject({
      authors: "Dalbeth N, Merriman TR, Stamp LK",
      title: "Gout",
      containerTitle: "The Lancet",
      year: 2016,
      doi: "10.1016/s0140-6736(16)00346-9",
    });
    const before = stub.requests.length;
    await lookupReference(t.db, lookup, "10.1016/s0140-6736(16)00346-9");
    expect(stub.requests.length).toBe(before); // answered from ReferenceLookupCache
  });

  it("fills the fields from a PMID (NCBI citation exporter)", async () => {
    const { fields } = await lookupReference(t.db, lookup, "PMID: 21288096");
    expect(fields).toMatchObject({
      authors: "Neogi T",
      title: "Clinical practice. Gout",
      containerTitle: "The New England journal of medicine",
      year: 2011,
      pmid: "21288096",
      doi: "10.1056/NEJMcp1001124",
    });
  });

  it("says clearly when an identifier is unknown or malformed", async () => {
    const unknown = await catchAppError(lookupReference(t.db, lookup, "10.9999/unknown"));
    expect(unknown.code).toBe("NOT_FOUND");
    const bad = await catchAppError(lookupReference(t.db, lookup, "hello"));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fieldErrors?.identifier).toBeTruthy();
  });
});

describe("retractions and corrections (Crossref update notices)", () => {
  it("stores retracted, corrected and clean DOIs; the state names them", async () => {
    const refs = [
      { title: "Wakefield 1998", doi: RETRACTED_DOI },
      { title: "Review", doi: "10.3390/jcm10051012" },
      { title: "Gout", doi: "10.1016/S0140-6736(16)00346-9" },
    ];
    const result = await checkSources(t.db, lookup, refs);
    expect(result.updates.map((u) => u.status)).toEqual(["RETRACTED", "CORRECTED", "OK"]);
    const state = await sourceState(t.db, refs);
    expect(state.retracted).toEqual([
      {
        doi: RETRACTED_DOI,
        title: "Wakefield 1998",
        detail: "Retraction (2010-02-06): https://doi.org/10.1016/s0140-6736(10)60175-4",
      },
    ]);
    expect(state.corrected.map((c) => c.title)).toEqual(["Review"]);
    expect(state.unchecked).toBe(0);
  });
});

describe("newer versions and superseded sources", () => {
  it("are advisories (CORRECTED) named by what happened; a retraction still wins", () => {
    const notice = (type: string) => ({ type, doi: "10.1/notice", label: "", date: "2025-03-01" });
    expect(updateStatus([notice("new_version")])).toEqual({
      status: "CORRECTED",
      detail: "Newer version (2025-03-01): https://doi.org/10.1/notice",
    });
    expect(updateStatus([notice("superseded")]).detail).toMatch(/^Superseded/);
    expect(updateStatus([notice("new_edition"), notice("retraction")]).status).toBe("RETRACTED");
    expect(updateStatus([{ ...notice("unheard_of") }]).status).toBe("OK");
  });
});

describe("link checker", () => {
  it("reports 404, 410, 5xx, too many redirects and slow servers; follows redirects", async () => {
    const u = (p: string) => `${stub.url}/links/${p}`;
    const results = await checkLinks(
      [u("ok"), u("missing"), u("gone"), u("error"), u("redirect/3"), u("loop"), u("slow?ms=5000")],
      {
        timeoutMs: 1_500,
        concurrency: 3,
      },
    );
    expect(results.map((r) => [r.url.replace(stub.url, ""), r.status, r.httpStatus])).toEqual([
      ["/links/ok", "OK", 200],
      ["/links/missing", "BROKEN", 404],
      ["/links/gone", "BROKEN", 410],
      ["/links/error", "BROKEN", 500],
      ["/links/redirect/3", "OK", 200],
      ["/links/loop", "BROKEN", null],
      ["/links/slow?ms=5000", "BROKEN", null],
    ]);
    expect(results[4].detail).toMatch(/Redirected 3×/);
    expect(results[6].detail).toMatch(/No answer/);
  });

  it("never fetches private or loopback addresses unless the setting allows it", async () => {
    const blocked = await safeFetch(`${stub.url}/links/ok`, { allowPrivate: false });
    expect(blocked).toMatchObject({ ok: false, reason: "BLOCKED" });
    expect(await safeFetch("http://localhost:1/", { allowPrivate: false })).toMatchObject({ reason: "BLOCKED" });
  });
});

describe("weekly job", () => {
  it("queues live articles once a week and each job is claimed once", async () => {
    const user = await makeUser(t.db);
    const a = await t.db.article.create({ data: { slug: "live-one", createdById: user.id } });
    const r = await t.db.revision.create({
      data: {
        articleId: a.id,
        number: 1,
        title: "Live",
        summary: "",
        bodyJson: "{}",
        referencesJson: JSON.stringify([{ key: "w", title: "Wakefield", doi: RETRACTED_DOI, url: null }]),
        contentHash: "h",
        authorId: user.id,
      },
    });
    await t.db.article.update({ where: { id: a.id }, data: { liveRevisionId: r.id } });
    const now = new Date();
    expect(await enqueueWeeklyChecks(t.db, now)).toBe(1);
    expect(await enqueueWeeklyChecks(t.db, now)).toBe(0); // already queued
    const [first, second] = await Promise.all([claimNextJob(t.db, now), claimNextJob(t.db, now)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    await t.db.sourceCheckJob.updateMany({ data: { claimedAt: null } });
    expect(await runSourceCheckJobs(t.db, lookup, { now })).toBe(1);
    expect(await t.db.sourceCheckJob.count({ where: { doneAt: { not: null } } })).toBe(1);
    const later = new Date(now.getTime() + 8 * 24 * 3600_000);
    expect(await enqueueWeeklyChecks(t.db, later)).toBe(1);
  });
});
