import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash, type HashableContent } from "./hash";
import { toReferenceSnapshot } from "./reference-snapshot";

const base: HashableContent = {
  title: "T",
  summary: "S",
  conditionName: "C",
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] },
  references: [
    {
      key: "a",
      authors: "",
      title: "A",
      containerTitle: "",
      year: 2020,
      url: null,
      doi: null,
      pmid: null,
      accessedAt: null,
      peerReviewed: false,
    },
    {
      key: "b",
      authors: "",
      title: "B",
      containerTitle: "",
      year: null,
      url: "https://b.org",
      doi: null,
      pmid: null,
      accessedAt: null,
      peerReviewed: true,
    },
  ],
};

describe("contentHash", () => {
  it("is a sha256 hex digest, stable across key order and reference order", () => {
    const h = contentHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const shuffled = JSON.parse(
      JSON.stringify({
        references: [...base.references].reverse(),
        body: base.body,
        conditionName: "C",
        summary: "S",
        title: "T",
      }),
    );
    expect(contentHash(shuffled)).toBe(h);
  });

  it("changes when any signed-off field changes", () => {
    const h = contentHash(base);
    expect(contentHash({ ...base, title: "T2" })).not.toBe(h);
    expect(contentHash({ ...base, summary: "S2" })).not.toBe(h);
    expect(contentHash({ ...base, conditionName: "C2" })).not.toBe(h);
    expect(contentHash({ ...base, references: [base.references[0], { ...base.references[1], year: 2001 }] })).not.toBe(
      h,
    );
    expect(
      contentHash({
        ...base,
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "y" }] }] },
      }),
    ).not.toBe(h);
  });

  it("a reference's needs-details flag counts only while set: earlier revisions keep their hash", () => {
    const h = contentHash(base);
    const snapshots = base.references.map((r) => toReferenceSnapshot({ ...r, needsDetails: false }));
    expect(snapshots[0]).not.toHaveProperty("needsDetails");
    expect(contentHash({ ...base, references: snapshots })).toBe(h);
    const flagged = [toReferenceSnapshot({ ...base.references[0], needsDetails: true }), base.references[1]];
    expect(flagged[0].needsDetails).toBe(true);
    expect(contentHash({ ...base, references: flagged })).not.toBe(h);
  });

  it("canonicalJson sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});
