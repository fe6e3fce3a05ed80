// A medical reviewer's public profile: name, post-nominals and specialty as recorded on their approvals, and
// the live articles they approved. Same storage as the article page (ISR, no build-time data); a user with no
// standing approval of a live article has no profile (404).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { articlePath, siteUrl, reviewerPath, EDITORIAL_POLICY_PATH } from "@/lib/public/site";
import type { PublicReviewerProfile } from "@/lib/public/types";
import { cachedReviewerProfile } from "../../_data/public-data";
import { When } from "../../_components/when";
import { ReviewerNotFoundMessage } from "../../_components/not-found-message";
import { ProfileDeclaration } from "../../_components/disclosure";

export const revalidate = 3600;

export async function generateStaticParams(): Promise<{ id: string }[]> {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const profile = await cachedReviewerProfile(id);
  if (!profile) return { title: "Reviewer not found", robots: { index: false } };
  const name = profile.postNominals ? `${profile.displayName}, ${profile.postNominals}` : profile.displayName;
  return {
    title: `${name}: medical reviewer`,
    description: `Articles medically reviewed by ${name}${profile.specialty ? ` (${profile.specialty})` : ""}.`,
    alternates: { canonical: siteUrl() + reviewerPath(profile.reviewerId) },
  };
}

// Found: no <Suspense> boundary, complete HTML. Not found: notFound() inside a boundary so readers without
// JavaScript get a real 404 page (see the article page for why).
export default async function ReviewerPage({ params }: Props) {
  const { id } = await params;
  const profile = await cachedReviewerProfile(id);
  if (!profile) {
    return (
      <Suspense fallback={<ReviewerNotFoundMessage />}>
        <NotFound />
      </Suspense>
    );
  }
  return <ReviewerView profile={profile} />;
}

async function NotFound(): Promise<never> {
  notFound();
}

function ReviewerView({ profile }: { profile: PublicReviewerProfile }) {
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <p className="pub-eyebrow">Medical reviewer</p>
      <h1>
        {profile.displayName}
        {profile.postNominals ? <span className="pub-postnominals">, {profile.postNominals}</span> : null}
      </h1>
      {profile.specialty ? (
        <p className="pub-summary">
          Specialty: <span className="pub-strong">{profile.specialty}</span>
        </p>
      ) : null}
      <p>
        Our medical reviewers check articles for accuracy before they are published, using credentials that our
        administrators verify. The name and qualifications above are those recorded when this reviewer signed off. Read
        more in our{" "}
        <Link href={EDITORIAL_POLICY_PATH} prefetch={false}>
          editorial policy
        </Link>
        .
      </p>
      <ProfileDeclaration declaration={profile.declaration ?? null} />
      <section aria-labelledby="reviewed-heading">
        <h2 id="reviewed-heading">Articles reviewed</h2>
        <ul className="pub-cards">
          {profile.articles.map((a) => (
            <li key={a.slug} className="pub-card">
              <h3 className="pub-card-title">
                <Link href={articlePath(a.slug)} prefetch={false}>
                  {a.title}
                </Link>
              </h3>
              <p className="pub-card-meta">
                Reviewed on <When iso={a.reviewedAt} />
              </p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
