import Link from "next/link";

export default function ReviewerNotFound() {
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <h1>Reviewer not found</h1>
      <p>There is no public profile at this address. Profiles list reviewers who have approved a published article.</p>
      <p>
        <Link href="/" prefetch={false}>
          Browse all articles
        </Link>
      </p>
    </main>
  );
}
