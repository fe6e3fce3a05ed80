// A lay reader's page: one frozen revision, read through a single-use link, and the questionnaire. No account,
// nothing about staff (no names, no comments, no addresses): only the text they were asked to read. Works
// without JavaScript. Rate-limited per client address. The token in the address is never sent to another site
// (referrer same-origin); not no-referrer, under which the browser posts the form with "Origin: null" and Next
// refuses the server action.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { INVALID_LAY_LINK, limitLayLink, openLayReviewLink } from "@/lib/lay-review/submit-lay-review";
import { LayReviewForm } from "./lay-review-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Read and tell us what you think",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

export default async function LayReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  if (params.sent === "1")
    return (
      <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
        <p className="pub-eyebrow">Lay review</p>
        <h1>Thank you</h1>
        <p className="notice ok" role="status" data-testid="lay-review-thanks">
          Your answers have been sent to the writers and the medical reviewer. You can close this page.
        </p>
      </main>
    );
  const raw = params.token;
  const token = (typeof raw === "string" ? raw : "").slice(0, 200);
  let problem: string | null = null;
  let link = await openLayReviewLink(db, token);
  try {
    await limitLayLink(db, { inviteId: link?.inviteId ?? null, clientKey: clientAddress(await headers()) });
  } catch (err) {
    if (!isAppError(err)) throw err;
    problem = err.message;
    link = null;
  }
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <p className="pub-eyebrow">Lay review</p>
      {!link ? (
        <>
          <h1>This link cannot be used</h1>
          <p className="notice error" role="alert" data-testid="lay-link-invalid">
            {problem ?? INVALID_LAY_LINK}
          </p>
        </>
      ) : (
        <>
          <h1>Please read this page and tell us what you think</h1>
          <p>
            You were invited to read a draft of a health information page before it is published. Read it as you would
            any page about your health, then answer the questions below. There are no right or wrong answers. The link
            works once, until {link.expiresAt.toISOString().slice(0, 10)}.
          </p>
          <article className="pub-article pub-lay-draft" aria-labelledby="draft-title">
            <h2 id="draft-title">{link.revision.title}</h2>
            {link.revision.summary && <p className="pub-summary">{link.revision.summary}</p>}
            {/* Rendered and sanitised when the revision was frozen (lib/content/render.ts). */}
            <div className="pub-body" dangerouslySetInnerHTML={{ __html: link.revision.bodyHtml }} />
          </article>
          <LayReviewForm token={token} />
        </>
      )}
    </main>
  );
}
