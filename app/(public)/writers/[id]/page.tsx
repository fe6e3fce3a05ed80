// A writer's public profile: their name, the live articles they wrote, and their current declaration of
// interests (linked from each article's "Conflicts of interest" line). Someone with no live article has no
// profile (404), so staff accounts are never listed by id. Rendered per request from cached data keyed by the
// public change counter (a new declaration moves it).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { articlePath } from "@/lib/public/site";
import { cachedWriterProfile } from "../../_data/public-data";
import { ProfileDeclaration } from "../../_components/disclosure";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await cachedWriterProfile((await params).id);
  if (!profile) return { title: "Writer not found", robots: { index: false } };
  return { title: `${profile.name}: writer`, description: `Articles written by ${profile.name}.` };
}

export default async function WriterPage({ params }: Props) {
  const profile = await cachedWriterProfile((await params).id);
  if (!profile) notFound();
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <p className="pub-eyebrow">Writer</p>
      <h1>{profile.name}</h1>
      {profile.bio ? <p className="pub-summary">{profile.bio}</p> : null}
      <ProfileDeclaration declaration={profile.declaration} />
      <section aria-labelledby="written-heading">
        <h2 id="written-heading">Articles written</h2>
        <ul className="pub-cards">
          {profile.articles.map((a) => (
            <li key={a.slug} className="pub-card">
              <h3 className="pub-card-title">
                <Link href={articlePath(a.slug)} prefetch={false}>
                  {a.title}
                </Link>
              </h3>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
