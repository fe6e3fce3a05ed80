import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { feedbackSubmissionSchema, normaliseComment } from "./feedback-schema";

const base = { articleId: "art1", revisionId: "rev1" };
const parse = (input: Record<string, unknown>) => parseInput(feedbackSubmissionSchema, { ...base, ...input });
function fieldErrorsOf(input: Record<string, unknown>) {
  try {
    parse(input);
  } catch (e) {
    if (e instanceof AppError) return e.fieldErrors ?? {};
    throw e;
  }
  throw new Error("expected a validation error");
}

describe("feedbackSubmissionSchema", () => {
  it("accepts a plain form's strings and JSON booleans alike", () => {
    expect(parse({ helpful: "yes" })).toMatchObject({
      helpful: true,
      reason: null,
      comment: "",
      email: null,
      honeypotFilled: false,
    });
    expect(parse({ helpful: false, reason: "OUTDATED" })).toMatchObject({ helpful: false, reason: "OUTDATED" });
    expect(parse({ helpful: "no", reason: "TYPO_OR_BROKEN_LINK", comment: "  link 3 is dead \r\n" })).toMatchObject({
      reason: "TYPO_OR_BROKEN_LINK",
      comment: "link 3 is dead",
    });
  });

  it("requires a choice of yes or no", () => {
    expect(fieldErrorsOf({})).toEqual({ helpful: ["Please choose Yes or No."] });
    expect(fieldErrorsOf({ helpful: "maybe" }).helpful).toEqual(["Please choose Yes or No."]);
  });

  it("requires a reason on No, and only a listed one", () => {
    expect(fieldErrorsOf({ helpful: "no" }).reason?.[0]).toMatch(/choose a reason/);
    expect(fieldErrorsOf({ helpful: "no", reason: "" }).reason?.[0]).toMatch(/choose a reason/);
    expect(fieldErrorsOf({ helpful: "no", reason: "SPAM" }).reason?.[0]).toMatch(/listed reasons/);
  });

  it("drops a stray reason on Yes (the no-JS form shows every field)", () => {
    expect(parse({ helpful: "yes", reason: "OUTDATED" }).reason).toBeNull();
  });

  it("bounds the comment at 2,000 characters and says how long it was", () => {
    expect(parse({ helpful: "no", reason: "OTHER", comment: "x".repeat(2000) }).comment).toHaveLength(2000);
    const errors = fieldErrorsOf({ helpful: "no", reason: "OTHER", comment: "x".repeat(10_000) });
    expect(errors.comment?.[0]).toMatch(/10000 characters long; please shorten it to 2000/);
  });

  it("keeps markup as plain text (escaping happens when shown)", () => {
    expect(parse({ helpful: "no", reason: "OTHER", comment: "<script>alert(1)</script>" }).comment).toBe(
      "<script>alert(1)</script>",
    );
  });

  it("strips invisible control characters but keeps tabs and newlines", () => {
    expect(normaliseComment("a\u0000b\tc\u0007\nd\u007f")).toBe("ab\tc\nd");
  });

  it("takes an e-mail only with the consent box ticked", () => {
    expect(parse({ helpful: "no", reason: "OTHER", email: "r@example.org", consent: "on" }).email).toBe(
      "r@example.org",
    );
    expect(fieldErrorsOf({ helpful: "no", reason: "OTHER", email: "r@example.org" }).consent?.[0]).toMatch(
      /Tick the box/,
    );
    expect(
      fieldErrorsOf({ helpful: "no", reason: "OTHER", email: "not-an-address", consent: "on" }).email?.[0],
    ).toMatch(/valid e-mail/);
    // Consent without an address stores nothing.
    expect(parse({ helpful: "yes", consent: "on" }).email).toBeNull();
  });

  it("reports the honeypot without failing", () => {
    expect(parse({ helpful: "yes", website: "http://spam.example" }).honeypotFilled).toBe(true);
  });

  it("refuses missing or malformed ids", () => {
    expect(Object.keys(fieldErrorsOf({ helpful: "yes", revisionId: "" }))).toEqual(["revisionId"]);
    expect(Object.keys(fieldErrorsOf({ helpful: "yes", articleId: "a b'; drop" }))).toEqual(["articleId"]);
    expect(Object.keys(fieldErrorsOf({ helpful: "yes", revisionId: "r".repeat(65) }))).toEqual(["revisionId"]);
  });
});
