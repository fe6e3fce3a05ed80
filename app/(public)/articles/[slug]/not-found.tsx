import Link from "next/link";

/** Unknown, unpublished or removed article (answered with HTTP 404). Static: no data, so it is cheap to serve. */
export default function ArticleNotFound() {
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <h1>Article not found</h1>
      <p>We could not find that article. It may have been renamed, withdrawn for an update, or the address may be mistyped.</p>
      <p>
        <Link href="/" prefetch={false}>
          Browse all articles
        </Link>
      </p>
    </main>
  );
}
