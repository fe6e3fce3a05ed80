import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Not allowed</h1>
        <p data-testid="forbidden">
          Your role does not give you access to this page. If you need it, ask an administrator.
        </p>
        <p>
          <Link href="/studio">Back to your dashboard</Link>
        </p>
      </div>
    </main>
  );
}
