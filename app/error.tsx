"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Something went wrong</h1>
        <p>We could not show this page. The problem has been logged. Nothing you saved was lost.</p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
      </div>
    </main>
  );
}
