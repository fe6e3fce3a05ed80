import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { MAX_BODY_BYTES, isSafeHttpUrl, parseDocument } from "./document-schema";

function refused(input: unknown): AppError {
  try {
    parseDocument(input);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected parseDocument to refuse the input");
}

const good = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What is it?" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Bold ", marks: [{ type: "bold" }] },
        {
          type: "text",
          text: "link",
          marks: [{ type: "link", attrs: { href: "https://example.org/a", target: "_blank", rel: "x", class: null } }],
        },
        { type: "citation", attrs: { refKey: "medline-1" } },
        { type: "hardBreak" },
      ],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }],
    },
    {
      type: "orderedList",
      attrs: { start: 1, type: null },
      content: [{ type: "listItem", content: [{ type: "paragraph" }] }],
    },
    {
      type: "blockquote",
      content: [{ type: "paragraph", content: [{ type: "text", text: "quoted", marks: [{ type: "italic" }] }] }],
    },
  ],
};

describe("parseDocument", () => {
  it("accepts the allowed nodes and marks and drops attributes that are not on the allowlist", () => {
    const doc = parseDocument(JSON.stringify(good));
    const link = (doc.content[1] as { content: Array<{ marks?: unknown[] }> }).content[1].marks![0];
    expect(link).toEqual({ type: "link", attrs: { href: "https://example.org/a" } });
    expect(doc.content[3]).toEqual({
      type: "orderedList",
      attrs: { start: 1 },
      content: [{ type: "listItem", content: [{ type: "paragraph" }] }],
    });
  });

  it("refuses unknown node types with a message that names the type and where it is", () => {
    const e = refused({
      type: "doc",
      content: [{ type: "paragraph" }, { type: "iframe", attrs: { src: "https://evil" } }],
    });
    expect(e.code).toBe("VALIDATION");
    expect(e.message).toContain('"iframe"');
    expect(e.message).toContain("body.content[1]");
    expect(e.fieldErrors?.body?.length).toBeGreaterThan(0);
  });

  it("refuses unknown inline nodes and marks", () => {
    expect(
      refused({ type: "doc", content: [{ type: "paragraph", content: [{ type: "image", attrs: { src: "x" } }] }] })
        .message,
    ).toContain('"image"');
    expect(
      refused({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "code" }] }] }],
      }).message,
    ).toContain('"code"');
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "java\nscript:alert(1)",
    "/relative",
    "//evil.example",
    "vbscript:x",
    "ftp://x.org",
  ])("refuses the link %j", (href) => {
    const e = refused({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] },
      ],
    });
    expect(e.code).toBe("VALIDATION");
    expect(e.message).toMatch(/http/);
  });

  it("refuses heading level 1 and 5, empty text and structure errors", () => {
    expect(refused({ type: "doc", content: [{ type: "heading", attrs: { level: 1 } }] }).message).toMatch(
      /level 2, 3 or 4/,
    );
    expect(refused({ type: "doc", content: [{ type: "heading", attrs: { level: 5 } }] }).code).toBe("VALIDATION");
    expect(refused({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "" }] }] }).code).toBe(
      "VALIDATION",
    );
    expect(refused({ type: "doc", content: [{ type: "bulletList", content: [{ type: "paragraph" }] }] }).code).toBe(
      "VALIDATION",
    );
    expect(refused({ type: "paragraph" }).code).toBe("VALIDATION");
    expect(refused("{not json").message).toMatch(/not valid JSON/);
  });

  it("refuses a citation without a proper refKey", () => {
    expect(
      refused({ type: "doc", content: [{ type: "paragraph", content: [{ type: "citation", attrs: {} }] }] }).message,
    ).toMatch(/refKey/);
    expect(
      refused({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "citation", attrs: { refKey: "<script>" } }] }],
      }).code,
    ).toBe("VALIDATION");
  });

  it("refuses a body over 2 MB with PAYLOAD_TOO_LARGE, as a string or an object", () => {
    const big = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "a".repeat(MAX_BODY_BYTES) }] }],
    };
    expect(refused(big).code).toBe("PAYLOAD_TOO_LARGE");
    expect(refused(JSON.stringify(big)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses absurd nesting without overflowing the stack", () => {
    let node: Record<string, unknown> = { type: "paragraph" };
    for (let i = 0; i < 5000; i++) node = { type: "blockquote", content: [node] };
    expect(refused({ type: "doc", content: [node] }).message).toMatch(/nested/);
  });
});

describe("isSafeHttpUrl", () => {
  it("accepts http and https with a host only", () => {
    expect(isSafeHttpUrl("https://pubmed.ncbi.nlm.nih.gov/123/")).toBe(true);
    expect(isSafeHttpUrl("http://example.org")).toBe(true);
    expect(isSafeHttpUrl("https:example.org")).toBe(true); // WHATWG URL normalises this to https://example.org/
    expect(isSafeHttpUrl(" https://example.org")).toBe(false);
    expect(isSafeHttpUrl("mailto:a@b.c")).toBe(false);
  });
});
