// "Related" and "recent" boxes of the article page, picked from the cached list of published articles (no
// extra query per page). Related = shares a meaningful word with this article's condition name or title.
import type { PublicArticleSummary } from "./types";

const STOP = new Set([
  "and",
  "the",
  "for",
  "with",
  "what",
  "how",
  "your",
  "from",
  "causes",
  "symptoms",
  "treatment",
  "diagnosis",
  "types",
  "outlook",
  "about",
]);

function words(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

export function pickRelatedAndRecent(
  current: { slug: string; title: string; conditionName: string },
  all: PublicArticleSummary[],
  limit = 4,
): { related: PublicArticleSummary[]; recent: PublicArticleSummary[] } {
  const mine = words(`${current.conditionName} ${current.title}`);
  const others = all.filter((a) => a.slug !== current.slug);
  const related = others
    .map((a) => {
      const theirs = words(`${a.conditionName} ${a.title}`);
      let score = 0;
      for (const w of theirs) if (mine.has(w)) score++;
      return { a, score };
    })
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit)
    .map((x) => x.a);
  const relatedSlugs = new Set(related.map((a) => a.slug));
  const recent = others.filter((a) => !relatedSlugs.has(a.slug)).slice(0, limit);
  return { related, recent };
}
