import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./same-origin";

const h = (values: Record<string, string>) => new Headers(values);

describe("crossSiteRefusal", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(crossSiteRefusal("GET", h({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBeNull();
  });

  it("refuses a POST another site's page made", () => {
    expect(
      crossSiteRefusal(
        "POST",
        h({ host: "cms.example.org", origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
      ),
    ).toMatch(/cross-site/);
    expect(crossSiteRefusal("POST", h({ host: "cms.example.org", origin: "https://evil.example" }))).toMatch(/Origin/);
    expect(crossSiteRefusal("DELETE", h({ host: "cms.example.org", "sec-fetch-site": "same-site" }))).toMatch(
      /same-site/,
    );
    expect(crossSiteRefusal("PUT", h({ host: "cms.example.org", origin: "null" }))).toMatch(/Origin: null/);
  });

  it("allows same-origin browser requests and clients that send neither header", () => {
    expect(
      crossSiteRefusal(
        "POST",
        h({ host: "cms.example.org", origin: "https://cms.example.org", "sec-fetch-site": "same-origin" }),
      ),
    ).toBeNull();
    expect(crossSiteRefusal("POST", h({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBeNull();
    expect(crossSiteRefusal("POST", h({ host: "localhost:3000" }))).toBeNull();
  });

  it("accepts the configured public host behind a proxy that rewrites Host", () => {
    const headers = h({ host: "127.0.0.1:3000", origin: "https://cms.example.org" });
    expect(crossSiteRefusal("POST", headers)).not.toBeNull();
    expect(crossSiteRefusal("POST", headers, ["cms.example.org"])).toBeNull();
  });

  it("compares ports too", () => {
    expect(crossSiteRefusal("POST", h({ host: "localhost:3000", origin: "http://localhost:3001" }))).not.toBeNull();
  });
});
