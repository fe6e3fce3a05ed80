import { describe, expect, it } from "vitest";
import { anchorComments, blockSignature } from "./anchor-comments";

const texts = [
  "What is it?",
  "Calcinosis cutis is calcium deposited in the skin.",
  "It is rare and usually painless.",
  "Treatment depends on the cause.",
];

describe("anchoring review comments in the edited text", () => {
  it("keeps a comment on its block when blocks are added before it", () => {
    const places = anchorComments(
      [{ id: "c", blockIndex: 2, signature: texts[2] }],
      ["A new opening paragraph.", ...texts],
    );
    expect(places.get("c")).toBe(3);
  });

  it("follows a reworded block and gives up on a deleted one", () => {
    const edited = [texts[0], "Calcinosis cutis is calcium deposited in the skin and tissue.", texts[3]];
    const places = anchorComments(
      [
        { id: "reworded", blockIndex: 1, signature: texts[1] },
        { id: "deleted", blockIndex: 2, signature: texts[2] },
        { id: "general", blockIndex: null, signature: "" },
      ],
      edited,
    );
    expect(places.get("reworded")).toBe(1);
    expect(places.get("deleted")).toBe("gone");
    expect(places.get("general")).toBe("general");
  });

  it("chooses the matching block nearest the comment's old place when the text repeats", () => {
    const repeated = ["See your doctor.", "Other text here.", "See your doctor."];
    expect(anchorComments([{ id: "c", blockIndex: 2, signature: "See your doctor." }], repeated).get("c")).toBe(2);
    expect(anchorComments([{ id: "c", blockIndex: 0, signature: "See your doctor." }], repeated).get("c")).toBe(0);
  });

  it("matches images by their media item only", () => {
    const image = blockSignature({ type: "image", attrs: { mediaId: "m1" } });
    expect(anchorComments([{ id: "i", blockIndex: 0, signature: image }], ["Text.", image]).get("i")).toBe(1);
    expect(anchorComments([{ id: "i", blockIndex: 0, signature: image }], ["Text."]).get("i")).toBe("gone");
  });
});
