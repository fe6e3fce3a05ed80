// A plagiarism report names and quotes the other articles it matched, including other writers' unpublished
// drafts. Someone who may not open such an article must not read it through the report: its title, slug (the
// link) and passage text are withheld. The match still counts (its share, the overall similarity and the
// passages on the viewer's side stay), and it is described as "an unpublished article you cannot open".
// Published text is public, so a match with an article's live revision is shown to everyone.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { loadArticleAccess } from "../articles/article-access";
import type { SourceMatch } from "./checker";
import type { StoredReport } from "./read-report";

export const HIDDEN_SOURCE_TITLE = "an unpublished article you cannot open";

const EMPTY_SIDE = { before: "", text: "", after: "", changed: undefined };

export async function redactReportForViewer(
  db: DbTx,
  viewer: Actor | null,
  report: StoredReport,
): Promise<StoredReport> {
  const articleIds = [
    ...new Set(report.matches.filter((m) => m.source.kind === "REVISION").map((m) => m.source.articleId)),
  ].filter((id): id is string => !!id);
  if (!articleIds.length) return report;
  const articles = await db.article.findMany({
    where: { id: { in: articleIds } },
    select: { id: true, liveRevisionId: true },
  });
  const live = new Map(articles.map((a) => [a.id, a.liveRevisionId]));
  const readable = new Map<string, boolean>();
  for (const id of articleIds) readable.set(id, (await loadArticleAccess(db, viewer, id)).may.read);

  const matches = report.matches.map((m): SourceMatch => {
    if (m.source.kind !== "REVISION") return m;
    const articleId = m.source.articleId;
    const visible = !!articleId && (readable.get(articleId) || live.get(articleId) === m.source.id);
    if (visible) return m;
    return {
      ...m,
      source: { kind: "REVISION", id: "", articleId: null, title: HIDDEN_SOURCE_TITLE, url: null, hidden: true },
      passages: m.passages.map((p) => ({ ...p, theirs: { ...p.theirs, ...EMPTY_SIDE } })),
    };
  });
  return { ...report, matches };
}
