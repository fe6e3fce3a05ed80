import { ArticleNotFoundMessage } from "../../_components/not-found-message";

/** Unknown, unpublished or removed article (HTTP 404), as rendered in the browser after notFound(). */
export default function ArticleNotFound() {
  return <ArticleNotFoundMessage />;
}
