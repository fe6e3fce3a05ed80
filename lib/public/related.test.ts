import { describe, expect, it } from "vitest";
import { pickRelatedAndRecent } from "./related";
import type { PublicArticleSummary } from "./types";

const summary = (slug: string, title: string, conditionName = ""): PublicArticleSummary => ({
  slug,
  locale: "en",
  title,
  summary: "",
  conditionName,
  firstPublishedAt: "2026-01-01T00:00:00.000Z",
  lastModifiedAt: "2026-01-01T00:00:00.000Z",
  reviewerName: null,
  reviewerId: null,
});

describe("pickRelatedAndRecent", () => {
  const all = [
    summary("acne", "Acne: Causes, Symptoms, Treatment", "Acne"),
    summary("calcinosis-cutis", "Calcinosis Cutis: Causes, Symptoms", "Calcinosis cutis"),
    summary("calciphylaxis", "Calciphylaxis and skin calcinosis", "Calciphylaxis"),
    summary("cutis-laxa", "Cutis laxa", "Cutis laxa"),
  ];

  it("relates by meaningful shared words, never the article itself, and lists the rest as recent", () => {
    const { related, recent } = pickRelatedAndRecent(
      { slug: "calcinosis-cutis", title: "Calcinosis Cutis: Causes, Symptoms", conditionName: "Calcinosis cutis" },
      all,
    );
    expect(related.map((a) => a.slug)).toEqual(["calciphylaxis", "cutis-laxa"]);
    expect(recent.map((a) => a.slug)).toEqual(["acne"]); // "Causes"/"Symptoms" alone do not make an article related
  });

  it("returns empty lists when nothing else is published", () => {
    expect(pickRelatedAndRecent({ slug: "x", title: "X", conditionName: "" }, [summary("x", "X")])).toEqual({
      related: [],
      recent: [],
    });
  });
});
