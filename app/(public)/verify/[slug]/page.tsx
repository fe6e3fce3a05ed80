// /verify/<slug>: anyone can check the article's claim. The content hash is recomputed from what the article
// page serves (the live revision's stored content) on every request and compared with the revision's
// recorded hash, the approval's signed hash and the audit events behind them; the page says plainly whether
// they match. Never cached: a tampered database must show as a mismatch at once.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { articlePath } from "@/lib/public/site";
import { verifyArticle } from "@/lib/public/verify-article";

export const metadata: Metadata = { title: "Verify an article", robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export default async function VerifyPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const v = await verifyArticle(db, slug);
  if (!v) notFound();
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow pub-prose" tabIndex={-1}>
      <h1>Verify “{v.title}”</h1>
      <p className={`pub-verify-verdict ${v.matches ? "ok" : "mismatch"}`} data-testid="verify-verdict" role="status">
        {v.matches
          ? "Verified: the page you read is exactly the version the medical reviewer approved, and the audit log agrees."
          : "Does not match: what is served is not what the records say was approved. Do not rely on the review claim on this page."}
      </p>
      <h2>Content</h2>
      <dl className="pub-verify-facts">
        <dt>Article</dt>
        <dd>
          <Link href={articlePath(v.slug)} prefetch={false}>
            {v.title}
          </Link>{" "}
          (revision {v.revisionNumber})
        </dd>
        <dt>SHA-256 of the served content (computed now)</dt>
        <dd>
          <code data-testid="verify-computed-hash">{v.computedHash ?? "the stored content could not be read"}</code>
        </dd>
        <dt>SHA-256 recorded when the revision was frozen</dt>
        <dd>
          <code>{v.storedHash}</code>
        </dd>
      </dl>
      <h2>Approval</h2>
      {v.approval ? (
        <dl className="pub-verify-facts" data-testid="verify-approval">
          <dt>Approval id</dt>
          <dd>
            <code>{v.approval.id}</code>
          </dd>
          <dt>Reviewer</dt>
          <dd>
            {v.approval.credential
              ? `${v.approval.credential.displayName}${v.approval.credential.postNominals ? `, ${v.approval.credential.postNominals}` : ""}${v.approval.credential.specialty ? ` (${v.approval.credential.specialty})` : ""}`
              : v.approval.reviewerName}{" "}
            — credential as recorded on the day of approval
          </dd>
          <dt>Approved</dt>
          <dd>{utc(v.approval.at)}</dd>
          <dt>Hash the reviewer approved</dt>
          <dd>
            <code>{v.approval.signedHash}</code>
          </dd>
        </dl>
      ) : (
        <p>There is no standing medical approval for this revision.</p>
      )}
      <h2>Audit events</h2>
      {v.events.length ? (
        <ol className="pub-verify-events">
          {v.events.map((e) => (
            <li key={e.id}>
              #{e.id} {e.action} by {e.actorName ?? "the system"}, {utc(e.at)}
              {e.contentHash ? (
                <>
                  {" "}
                  — hash <code>{e.contentHash}</code>
                </>
              ) : null}
              {e.intact ? "" : " — this event was altered after it was written"}
            </li>
          ))}
        </ol>
      ) : (
        <p>No audit events record the approval or publication of this revision.</p>
      )}
      <h2>Checks</h2>
      <ul className="pub-verify-checks" data-testid="verify-checks">
        {v.checks.map((c) => (
          <li key={c.label}>
            {c.ok ? "✓ Matches: " : "✗ Does not match: "}
            {c.label}
          </li>
        ))}
      </ul>
    </main>
  );
}
