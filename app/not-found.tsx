import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Page not found</h1>
        <p>We could not find that page. It may have been moved or unpublished.</p>
        <p>
          <Link href="/">Browse our articles</Link>
        </p>
      </div>
    </main>
  );
}
