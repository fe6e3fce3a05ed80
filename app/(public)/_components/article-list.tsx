import Link from "next/link";
import { articlePath } from "@/lib/public/site";
import type { PublicArticleSummary } from "@/lib/public/types";
import { When } from "./when";

/** Cards for a list of published articles (home page, reviewer profile). */
export function ArticleList({
  articles,
  headingLevel = 2,
}: {
  articles: PublicArticleSummary[];
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="pub-cards">
      {articles.map((a) => (
        <li key={a.slug} className="pub-card">
          <H className="pub-card-title">
            <Link href={articlePath(a.slug)} prefetch={false}>
              {a.title}
            </Link>
          </H>
          {a.summary ? <p className="pub-card-summary">{a.summary}</p> : null}
          <p className="pub-card-meta">
            {a.reviewerName ? <>Medically reviewed by {a.reviewerName} · </> : null}
            Last modified <When iso={a.lastModifiedAt} />
          </p>
        </li>
      ))}
    </ul>
  );
}
