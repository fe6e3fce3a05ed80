import Link from "next/link";

/** The body of a readers' 404 (article or reviewer). Static: no data. */
export function NotFoundMessage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <h1>{title}</h1>
      <p>{children}</p>
      <p>
        <Link href="/" prefetch={false}>
          Browse all articles
        </Link>
      </p>
    </main>
  );
}

export function ArticleNotFoundMessage() {
  return (
    <NotFoundMessage title="Article not found">
      We could not find that article. It may have been renamed, withdrawn for an update, or the address may be mistyped.
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
