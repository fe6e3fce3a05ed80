import { describe, expect, it } from "vitest";
import { evaluateGate, type GateApproval, type GateInputs } from "./evaluate-gate";

const HASH = "a".repeat(64);
const body = (keys: string[]) =>
  JSON.stringify({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "Text" }, ...keys.map((k) => ({ type: "citation", attrs: { refKey: k } }))],
      },
    ],
  });
const ref = (
  key: string,
  link: Partial<{ url: string; doi: string; pmid: string }> = { url: "https://example.org" },
) => ({
  key,
  authors: "",
  title: `Ref ${key}`,
  containerTitle: "",
  year: 2020,
  url: link.url ?? null,
  doi: link.doi ?? null,
  pmid: link.pmid ?? null,
  accessedAt: null,
  peerReviewed: true,
});
const snapshot = {
  credentialId: "c1",
  displayName: "Dr. R",
  postNominals: "M.D.",
  specialty: "Derm",
  licenseNumber: "1",
  issuingBody: "GMC",
  jurisdiction: "UK",
  expiresAt: "2099-01-01T00:00:00.000Z",
  verifiedAt: "2020-01-01T00:00:00.000Z",
  verifiedByName: "Admin",
};
const approval = (over: Partial<GateApproval> = {}): GateApproval => ({
  id: "r1",
  reviewerId: "rev",
  reviewerName: "Dr. R",
  decision: "APPROVED",
  contentHash: HASH,
  createdAt: new Date("2026-01-01"),
  voidedAt: null,
  snapshot,
  ...over,
});

const passing = (over: Partial<GateInputs> = {}): GateInputs => ({
  revision: {
    id: "rv1",
    number: 2,
    contentHash: HASH,
    bodyJson: body(["a", "b"]),
    referencesJson: JSON.stringify([ref("a"), ref("b", { doi: "10.1/x" })]),
    contributorIds: ["writer"],
  },
  approvals: [approval()],
  plagiarism: { similarity: 3.2, createdAt: new Date(), checker: "imprimatur-winnowing" },
  thresholdPercent: 15,
  isLive: true,
  openLiveReports: [],
  checkRun: { blocking: 0, advisory: 2, createdAt: new Date(), blockingMessages: [] },
  overrides: [],
  ...over,
});

const item = (inputs: GateInputs, key: string) => evaluateGate(inputs).items.find((i) => i.key === key)!;

describe("publish gate", () => {
  it("passes when every item passes, and names the approving reviewer", () => {
    const g = evaluateGate(passing());
    expect(g.passes).toBe(true);
    expect(g.items.map((i) => [i.key, i.state])).toEqual([
      ["approval", "passed"],
      ["citations", "passed"],
      ["sources", "passed"],
      ["plagiarism", "passed"],
      ["feedback", "passed"],
      ["contentChecks", "passed"],
      ["images", "passed"],
      ["layReview", "passed"],
    ]);
    expect(item(passing(), "approval").reason).toMatch(/Dr\. R, M\.D\./);
    expect(g.approval?.id).toBe("r1");
  });

  it("lay review: holds the gate while fewer are recorded than the audience's policy asks for", () => {
    expect(item(passing({ layReviews: { required: 2, recorded: 1 } }), "layReview")).toMatchObject({
      state: "failed",
      overridable: true,
      reason: expect.stringMatching(/asks for 2 lay reviews of this revision; 1 is recorded/),
    });
    expect(item(passing({ layReviews: { required: 1, recorded: 1 } }), "layReview").state).toBe("passed");
    expect(item(passing({ layReviews: { required: 0, recorded: 0 } }), "layReview").reason).toBe(
      "Not required for this audience.",
    );
  });

  describe("sources", () => {
    const none = { retracted: [], corrected: [], broken: [], unchecked: 0 };
    it("a retracted source fails the gate (an editor may override with a reason); a correction is only said", () => {
      const retracted = item(
        passing({
          sources: {
            ...none,
            retracted: [
              { doi: "10.1/x", title: "Old trial", detail: "Retraction (2024-01-02): https://doi.org/10.1/r" },
            ],
          },
        }),
        "sources",
      );
      expect(retracted.state).toBe("failed");
      expect(retracted.overridable).toBe(true);
      expect(retracted.reason).toMatch(/“Old trial” \(Retraction \(2024-01-02\)/);
      const corrected = item(
        passing({
          sources: {
            ...none,
            corrected: [{ doi: "10.1/y", title: "Cohort", detail: "Correction" }],
            broken: [{ url: "https://x.org/gone", title: "Gone", detail: "Not found (404)." }],
          },
        }),
        "sources",
      );
      expect(corrected.state).toBe("passed");
      expect(corrected.reason).toMatch(/1 with a correction notice \(“Cohort”\).*1 link does not answer/);
      expect(corrected.notCheckedYet).toBeUndefined();
      expect(corrected.needsAttention).toContain("Read the correction notice and check");
    });

    it("links that do not answer do not hold the gate but are not a pass either: they say how to fix them", () => {
      const g = evaluateGate(
        passing({
          sources: {
            ...none,
            broken: [
              { url: "https://x.org/gone", title: "Gone", detail: "Not found (404)." },
              { url: "https://y.org/down", title: "", detail: "" },
            ],
          },
        }),
      );
      const sources = g.items.find((i) => i.key === "sources")!;
      expect(g.passes).toBe(true);
      expect(sources.state).toBe("passed");
      expect(sources.reason).toBe("No retracted source found; 2 links do not answer.");
      expect(sources.needsAttention).toMatch(
        /^These links do not answer: “Gone” \(https:\/\/x\.org\/gone: Not found \(404\)\.\); “https:\/\/y\.org\/down” \(https:\/\/y\.org\/down\)\. If a page moved, put its new address or its DOI in the reference on the Edit tab/,
      );
      expect(sources.needsAttention).toContain("run the checks again from the Checks tab later");
      expect(sources.notCheckedYet).toBeUndefined();
      // All answering: a plain pass, nothing to do.
      const clean = g.items.find((i) => i.key === "citations")!;
      expect(clean.needsAttention).toBeUndefined();
      const allAnswer = evaluateGate(passing({ sources: none })).items.find((i) => i.key === "sources")!;
      expect(allAnswer.needsAttention).toBeUndefined();
      expect(allAnswer.reason).toBe("No retracted source; all links answer.");
    });

    it("a source not checked yet does not hold the gate but is not a pass either: it says how to check", () => {
      const g = evaluateGate(passing({ sources: { ...none, unchecked: 1 } }));
      const sources = g.items.find((i) => i.key === "sources")!;
      expect(g.passes).toBe(true);
      expect(sources.notCheckedYet).toBe(
        "1 source has not been checked yet. Run the checks again from the Checks tab; live articles are also checked every week.",
      );
      expect(sources.reason).toBe("No retracted source found so far.");
    });
  });

  describe("approval", () => {
    const cases: Array<[string, Partial<GateInputs>, RegExp]> = [
      ["none", { approvals: [] }, /has not been approved/],
      ["voided", { approvals: [approval({ voidedAt: new Date() })] }, /voided/],
      ["bound to other content", { approvals: [approval({ contentHash: "b".repeat(64) })] }, /hash mismatch/],
      ["by a contributor", { approvals: [approval({ reviewerId: "writer" })] }, /wrote or edited/],
      [
        "without a verified credential",
        { approvals: [approval({ snapshot: { ...snapshot, verifiedAt: null } })] },
        /no verified, unexpired credential/,
      ],
      [
        "with a credential expired at sign-off",
        { approvals: [approval({ snapshot: { ...snapshot, expiresAt: "2025-01-01T00:00:00.000Z" } })] },
        /no verified, unexpired credential/,
      ],
      ["with no snapshot", { approvals: [approval({ snapshot: null })] }, /no verified/],
      [
        "a changes-requested decision",
        { approvals: [approval({ decision: "CHANGES_REQUESTED" })] },
        /has not been approved/,
      ],
    ];
    for (const [name, over, reason] of cases) {
      it(`fails: ${name}`, () => {
        const i = item(passing(over), "approval");
        expect(i.state).toBe("failed");
        expect(i.reason).toMatch(reason);
      });
    }
    it("cannot be overridden", () => {
      const inputs = passing({
        approvals: [],
        overrides: [{ item: "approval", reason: "trust me", byName: "Ed", createdAt: new Date() }],
      });
      expect(item(inputs, "approval").state).toBe("failed");
      expect(evaluateGate(inputs).passes).toBe(false);
    });
    it("uses a valid approval even if a later one was voided", () => {
      const g = evaluateGate(
        passing({
          approvals: [approval(), approval({ id: "r2", createdAt: new Date("2026-02-01"), voidedAt: new Date() })],
        }),
      );
      expect(g.approval?.id).toBe("r1");
    });
  });

  describe("citations", () => {
    it("fails on a citation without a reference", () => {
      const i = item(passing({ revision: { ...passing().revision, bodyJson: body(["a", "ghost"]) } }), "citations");
      expect(i).toMatchObject({ state: "failed" });
      expect(i.reason).toMatch(/point at no reference \(ghost\)|points at no reference \(ghost\)/);
    });
    it("fails on a reference without URL, DOI or PMID; a PMID alone is enough", () => {
      const refs = (r: object) => ({ ...passing().revision, referencesJson: JSON.stringify([ref("a"), r]) });
      expect(item(passing({ revision: refs(ref("b", {})) }), "citations").reason).toMatch(
        /no URL, DOI or PMID \(“Ref b”\)/,
      );
      expect(item(passing({ revision: refs(ref("b", { pmid: "123" })) }), "citations").state).toBe("passed");
    });
  });

  describe("plagiarism", () => {
    it("fails without a report", () =>
      expect(item(passing({ plagiarism: null }), "plagiarism").reason).toMatch(/No plagiarism report/));
    it("fails at or above the threshold, passes under it", () => {
      expect(
        item(passing({ plagiarism: { similarity: 15, createdAt: new Date(), checker: "x" } }), "plagiarism").state,
      ).toBe("failed");
      expect(
        item(passing({ plagiarism: { similarity: 14.9, createdAt: new Date(), checker: "x" } }), "plagiarism").state,
      ).toBe("passed");
      expect(
        item(
          passing({ thresholdPercent: 40, plagiarism: { similarity: 30, createdAt: new Date(), checker: "x" } }),
          "plagiarism",
        ).state,
      ).toBe("passed");
    });
    it("an editor's override lets it pass, keeping the original failure and the reason", () => {
      const i = item(
        passing({
          plagiarism: { similarity: 50, createdAt: new Date(), checker: "x" },
          overrides: [{ item: "plagiarism", reason: "Quoted guideline text", byName: "Ed", createdAt: new Date() }],
        }),
        "plagiarism",
      );
      expect(i.state).toBe("overridden");
      expect(i.failure).toMatch(/50\.0%/);
      expect(i.reason).toMatch(/Overridden by Ed: Quoted guideline text/);
    });
  });

  describe("reader feedback", () => {
    it("fails on open inaccurate/outdated reports on the live revision", () => {
      const i = item(
        passing({ openLiveReports: [{ id: "f", reason: "INACCURATE", createdAt: new Date() }] }),
        "feedback",
      );
      expect(i.state).toBe("failed");
    });
    it("passes for an article that is not live", () => {
      expect(item(passing({ isLive: false, openLiveReports: [] }), "feedback").state).toBe("passed");
    });
  });

  describe("content checks", () => {
    it("fails when no check ran, or with blocking findings", () => {
      expect(item(passing({ checkRun: null }), "contentChecks").reason).toMatch(/not run/);
      const i = item(
        passing({
          checkRun: {
            blocking: 2,
            advisory: 0,
            createdAt: new Date(),
            blockingMessages: ["Empty heading", "Missing summary"],
          },
        }),
        "contentChecks",
      );
      expect(i.state).toBe("failed");
      expect(i.reason).toMatch(/2 blocking findings: Empty heading; Missing summary/);
    });
  });

  it("the gate fails if any item fails and is not overridden", () => {
    expect(evaluateGate(passing({ checkRun: null })).passes).toBe(false);
    expect(
      evaluateGate(
        passing({
          checkRun: null,
          overrides: [{ item: "contentChecks", reason: "Checker down", byName: "Ed", createdAt: new Date() }],
        }),
      ).passes,
    ).toBe(true);
  });
});
