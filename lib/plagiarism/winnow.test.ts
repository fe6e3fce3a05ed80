import { describe, expect, it } from "vitest";
import { extractCheckableText, stripQuoted } from "./extract-text";
import { normaliseText, tokenize, tokenizeWithRegex } from "./tokenize";
import { fingerprint, GUARANTEE, K, kgramHashes, W, winnowHashes } from "./winnow";

// Deterministic pseudo-random words so the guarantee test covers many shapes of text.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function randomWords(n: number, r: () => number) {
  return Array.from({ length: n }, () => "w" + Math.floor(r() * 5000).toString(36));
}

describe("normalisation", () => {
  it("ignores case, punctuation, whitespace and Unicode compatibility forms", () => {
    expect(normaliseText("The  PATIENT’s\tskin—ﬁrm, white   papules!")).toBe("the patients skin firm white papules");
    expect(normaliseText("Ｆｕｌｌ width")).toBe("full width");
  });
  it("the fast scanner finds exactly the words the regular expression defines", () => {
    const r = rng(5);
    const alphabet = [
      "a",
      "Z",
      "7",
      " ",
      "'",
      "’",
      "-",
      ".",
      "é",
      "ß",
      "ﬁ",
      "日本",
      "𝔸",
      "\u0301",
      "ʼ",
      "\n",
      "Ω",
      "٣",
      "—",
      "😀",
    ];
    for (let trial = 0; trial < 500; trial++) {
      let s = "";
      const len = Math.floor(r() * 60);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(r() * alphabet.length)];
      expect(tokenize(s)).toEqual(tokenizeWithRegex(s));
    }
  });

  it("keeps each word's offsets in the original text", () => {
    const t = tokenize("Hello, wide world");
    expect(t.words).toEqual(["hello", "wide", "world"]);
    expect("Hello, wide world".slice(t.starts[1], t.ends[1])).toBe("wide");
  });
});

describe("winnowing", () => {
  it("uses t = w + k − 1", () => {
    expect(GUARANTEE).toBe(W + K - 1);
  });

  it("finds every shared run of at least t words (the guarantee)", () => {
    const r = rng(7);
    for (let trial = 0; trial < 200; trial++) {
      const shared = randomWords(GUARANTEE, r);
      const a = [...randomWords(Math.floor(r() * 40), r), ...shared, ...randomWords(Math.floor(r() * 40), r)];
      const b = [...randomWords(Math.floor(r() * 40), r), ...shared, ...randomWords(Math.floor(r() * 40), r)];
      const fa = new Set(fingerprint(a).map((f) => f.hash));
      expect(fingerprint(b).some((f) => fa.has(f.hash))).toBe(true);
    }
  });

  it("keeps about 2/(w+1) of the k-grams, with their positions", () => {
    const words = randomWords(10_000, rng(3));
    const hashes = kgramHashes(words);
    const fps = winnowHashes(hashes);
    const density = fps.length / hashes.length;
    expect(density).toBeGreaterThan(1.6 / (W + 1));
    expect(density).toBeLessThan(2.4 / (W + 1));
    for (const f of fps.slice(0, 50)) expect(hashes[f.position]).toBe(f.hash);
  });

  it("hashes fit a signed 32-bit integer column", () => {
    for (const h of kgramHashes(randomWords(2000, rng(11)))) expect(h).toBe(h | 0);
  });

  it("gives short texts one fingerprint and texts under k words none", () => {
    expect(fingerprint(["a", "b", "c", "d", "e", "f"])).toHaveLength(1);
    expect(fingerprint(["a", "b"])).toHaveLength(0);
  });
});

describe("checkable text", () => {
  it("leaves out blockquotes, quoted text and a typed reference list", () => {
    const body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Our words “their words in quotes” more of ours." }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "A quotation." }] }] },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Treatment" }] },
        { type: "paragraph", content: [{ type: "text", text: 'Rest and "quoted advice" help.' }] },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "References" }] },
        {
          type: "orderedList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Smith J. A paper." }] }],
            },
          ],
        },
      ],
    };
    const text = extractCheckableText({ title: "Title", summary: "Summary", body });
    expect(text).toContain("Our words");
    expect(text).toContain("more of ours");
    expect(text).not.toContain("their words");
    expect(text).not.toContain("quotation");
    expect(text).not.toContain("quoted advice");
    expect(text).toContain("Rest and");
    expect(text).not.toContain("Smith");
    expect(text).not.toContain("References");
  });
  it("does not let a stray quotation mark swallow the text", () => {
    expect(stripQuoted('He is 6" tall and fine')).toContain("tall and fine");
  });
});
