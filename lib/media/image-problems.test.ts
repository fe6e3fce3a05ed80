import { describe, expect, it } from "vitest";
import { evaluateGate, type GateInputs } from "../gate/evaluate-gate";
import { imageProblems, type ImageRecordForProblems } from "./image-problems";

const image = (over: Partial<ImageRecordForProblems> = {}): ImageRecordForProblems => ({
  mediaId: "cmx0000000000abcdef",
  alt: "Chalky nodules on a fingertip",
  licence: "OWN_WORK",
  licenceAgency: "",
  clinical: false,
  consentOnFile: false,
  ...over,
});

describe("what an article's images lack", () => {
  it("names each gap once, the image by its alt text or the end of its id", () => {
    expect(imageProblems([image()])).toEqual([]);
    expect(
      imageProblems([
        image({ alt: "", licence: "" }),
        image({ mediaId: "cmx0000000000zzzzzz", licence: "LICENSED", clinical: true }),
      ]),
    ).toEqual([
      "1 image has no alt text.",
      "No licence recorded for image abcdef, “Chalky nodules on a fingertip”.",
      "No patient consent on file for the clinical photograph “Chalky nodules on a fingertip”.",
    ]);
  });

  it("is word for word what the publish gate's images item says", () => {
    const images = [image({ alt: " ", licence: null }), image({ mediaId: "x1", alt: "", clinical: true })];
    const inputs: GateInputs = {
      revision: { id: "r", number: 1, contentHash: "h", bodyJson: "{}", referencesJson: "[]", contributorIds: [] },
      approvals: [],
      plagiarism: null,
      thresholdPercent: 15,
      isLive: false,
      openLiveReports: [],
      checkRun: null,
      overrides: [],
      images,
    };
    const item = evaluateGate(inputs).items.find((i) => i.key === "images")!;
    expect(item.state).toBe("failed");
    expect(item.reason).toBe(imageProblems(images).join(" "));
  });
});
