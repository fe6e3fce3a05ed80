// The public article page in the default language: /articles/<slug> (see ../../_views/article-view.tsx).
//
// Rendering: stored whole after the first visit (ISR: no slug is prerendered at build, so the build needs no
// database; `generateStaticParams` returning [] lets every slug be rendered on its first request and kept).
// Publishing expires it through the tags of its data (lib/public/cache-tags.ts) in the process that published.
// Anonymous readers are answered by the page cache of server.ts (lib/page-cache), which asks Next for a fresh
// render (on-demand revalidation) whenever the public change counter has moved, so every process serves the
// new page after a publish, wherever it was made. An unknown slug answers 404 (rendered whole).
import type { Metadata } from "next";
import { ArticlePageView, articleMetadata } from "../../_views/article-view";

// Must be a literal for Next to read it; keep equal to PUBLIC_REVALIDATE_SECONDS.
export const revalidate = 3600;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata((await params).slug, "en");
}

export default async function ArticlePage({ params }: Props) {
  return <ArticlePageView slug={(await params).slug} locale="en" />;
}
