// Which (article, revision) pairs a reader can have seen: the article is live and the revision is, or once
// was, published for it. Checked on every answer, so the facts are kept in memory for a short time: a
// revision once published stays "was published" for good, and whether the article is live at all may lag
// by at most TTL_MS after an unpublish (an answer or two about a page that was on screen a moment ago).
import type { DbTx } from "../db/client";
import { HIDDEN_STATUSES } from "../public/live-filter";

const TTL_MS = 2_000;

interface Entry {
  slug: string;
  live: boolean;
  known: Set<string>;
  expires: number;
}

export interface ArticleTarget {
  slug: string;
  live: boolean;
  /** Whether `revisionId` is, or was, published for this article. */
  revisionSeen: boolean;
}

export class PublishedRevisionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = TTL_MS,
    private readonly maxEntries = 10_000,
  ) {}

  async lookup(db: DbTx, articleId: string, revisionId: string, nowMs = Date.now()): Promise<ArticleTarget | null> {
    let entry = this.entries.get(articleId);
    if (!entry || entry.expires <= nowMs) {
      const article = await db.article.findUnique({
        where: { id: articleId },
        select: { slug: true, status: true, liveRevisionId: true },
      });
      if (!article) {
        this.entries.delete(articleId);
        return null;
      }
      const live = article.liveRevisionId !== null && !(HIDDEN_STATUSES as readonly string[]).includes(article.status);
      entry = {
        slug: article.slug,
        live,
        known: new Set(article.liveRevisionId ? [article.liveRevisionId] : []),
        expires: nowMs + this.ttlMs,
      };
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(articleId, entry);
    }
    if (!entry.known.has(revisionId)) {
      const publication = await db.publication.findFirst({ where: { articleId, revisionId }, select: { id: true } });
      if (publication) entry.known.add(revisionId);
    }
    return { slug: entry.slug, live: entry.live, revisionSeen: entry.known.has(revisionId) };
  }

  /** Forget an article (after publish/unpublish in this process, or in tests). */
  invalidate(articleId?: string) {
    if (articleId) this.entries.delete(articleId);
    else this.entries.clear();
  }
}

export const publishedRevisions = new PublishedRevisionCache();
