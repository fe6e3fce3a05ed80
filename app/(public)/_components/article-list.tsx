import Link from "next/link";
import type { ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";
import { articlePath } from "@/lib/public/site";
import type { PublicArticleSummary } from "@/lib/public/types";
import { When } from "./when";

/** Cards for a list of published articles (home page, reviewer profile), in the page's language. */
export function ArticleList({
  articles,
  headingLevel = 2,
  locale = "en",
}: {
  articles: PublicArticleSummary[];
  headingLevel?: 2 | 3;
  locale?: ReaderLocale;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const m = readerMessages(locale).card;
  return (
    <ul className="pub-cards">
      {articles.map((a) => (
        <li key={a.slug} className="pub-card">
          <H className="pub-card-title">
            <Link href={articlePath(a.slug, a.locale)} prefetch={false}>
              {a.title}
            </Link>
          </H>
          {a.summary ? <p className="pub-card-summary">{a.summary}</p> : null}
          <p className="pub-card-meta">
            {a.reviewerName ? m.reviewedBy(a.reviewerName) : null}
            {m.lastModified} <When iso={a.lastModifiedAt} locale={locale} />
          </p>
        </li>
      ))}
    </ul>
  );
}
