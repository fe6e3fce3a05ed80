import Link from "next/link";
import { localizedPath, type ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";

/** The body of a readers' 404 (article or reviewer). Static: no data. */
export function NotFoundMessage({
  title,
  children,
  locale = "en",
}: {
  title: string;
  children: React.ReactNode;
  locale?: ReaderLocale;
}) {
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <h1>{title}</h1>
      <p>{children}</p>
      <p>
        <Link href={localizedPath(locale, "/")} prefetch={false}>
          {readerMessages(locale).article.browseAll}
        </Link>
      </p>
    </main>
  );
}

export function ArticleNotFoundMessage({ locale = "en" }: { locale?: ReaderLocale }) {
  const m = readerMessages(locale).article;
  return (
    <NotFoundMessage title={m.notFoundTitle} locale={locale}>
      {m.notFound}
    </NotFoundMessage>
  );
}

export function ReviewerNotFoundMessage() {
  return (
    <NotFoundMessage title="Reviewer not found">
      There is no public profile at this address. Profiles list reviewers who have approved a published article.
    </NotFoundMessage>
  );
}
