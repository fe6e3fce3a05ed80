import { describe, expect, it } from "vitest";
import { ARTICLES_TAG, articleTag, publicTagsForArticleChange, reviewerTag } from "./cache-tags";

describe("publicTagsForArticleChange", () => {
  it("expires the lists, the article (old and new slug) and each reviewer's profile, once each", () => {
    expect(
      publicTagsForArticleChange({ slug: "acne", previousSlug: "acne-vulgaris", reviewerIds: ["r1", "r1", "r2"] }),
    ).toEqual([ARTICLES_TAG, articleTag("acne"), articleTag("acne-vulgaris"), reviewerTag("r1"), reviewerTag("r2")]);
  });

  it("needs only the slug", () => {
    expect(publicTagsForArticleChange({ slug: "acne" })).toEqual(["articles", "article:acne"]);
  });
});
