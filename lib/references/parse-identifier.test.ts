import { describe, expect, it } from "vitest";
import { identifierFields, lookupFailedNextStep, parseIdentifier } from "./parse-identifier";

describe("a pasted identifier", () => {
  it("is read as a DOI or a PMID in its common forms", () => {
    expect(parseIdentifier("https://doi.org/10.3390/jcm10051012")).toEqual({
      kind: "doi",
      value: "10.3390/jcm10051012",
    });
    expect(parseIdentifier("PMID: 21288096")).toEqual({ kind: "pmid", value: "21288096" });
    expect(parseIdentifier("not an id")).toBeNull();
  });

  it("goes into the reference form's matching field after a failed look-up", () => {
    expect(identifierFields(" doi:10.9999/unknown.2026 ")).toEqual({ doi: "10.9999/unknown.2026" });
    expect(identifierFields("https://pubmed.ncbi.nlm.nih.gov/21288096/")).toEqual({ pmid: "21288096" });
    expect(identifierFields("https://example.org/leaflet")).toEqual({ url: "https://example.org/leaflet" });
    expect(identifierFields("smith 2020")).toEqual({});
  });

  it("names the next step after a failed look-up", () => {
    expect(lookupFailedNextStep("10.9999/unknown")).toBe("Check the DOI, or enter the details by hand below.");
    expect(lookupFailedNextStep("123")).toBe("Check the PMID, or enter the details by hand below.");
    expect(lookupFailedNextStep("smith")).toBe("Check what you pasted, or enter the details by hand below.");
  });
});
