// errorText is the one wording of a refused request in the studio's client components.
import { describe, expect, it } from "vitest";
import { errorText } from "../../components/studio/json-api";

describe("errorText", () => {
  it("prefers the first named field's own messages, joined", () => {
    const error = {
      message: "Please correct the address.",
      fieldErrors: { _form: ["Taken."], slug: ["Too", "long."] },
    };
    expect(errorText(error, ["slug", "_form"], "Not changed.")).toBe("Too long.");
    expect(errorText(error, ["title", "_form"], "Not changed.")).toBe("Taken.");
  });

  it("falls back to the server's message, then to what did not happen", () => {
    expect(errorText({ message: "Not allowed.", fieldErrors: { other: ["x"] } }, ["slug"], "Not changed.")).toBe(
      "Not allowed.",
    );
    expect(errorText({ message: "", fieldErrors: { slug: [] } }, ["slug"], "Not changed.")).toBe("Not changed.");
    expect(errorText(undefined, ["slug"], "Not changed.")).toBe("Not changed.");
  });
});
