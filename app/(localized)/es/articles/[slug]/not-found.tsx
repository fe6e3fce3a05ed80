import { ArticleNotFoundMessage } from "@/app/(public)/_components/not-found-message";

export default function SpanishArticleNotFound() {
  return <ArticleNotFoundMessage locale="es" />;
}
