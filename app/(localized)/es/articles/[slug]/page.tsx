// /es/articles/<slug>: a Spanish article (app/(public)/_views/article-view.tsx), stored like the English page.
import type { Metadata } from "next";
import { ArticlePageView, articleMetadata } from "@/app/(public)/_views/article-view";

// Must be a literal for Next to read it; keep equal to PUBLIC_REVALIDATE_SECONDS.
export const revalidate = 3600;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata((await params).slug, "es");
}

export default async function SpanishArticlePage({ params }: Props) {
  return <ArticlePageView slug={(await params).slug} locale="es" />;
}
