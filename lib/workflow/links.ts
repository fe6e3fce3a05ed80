// Studio paths used in notifications and e-mails (one place, so a moved page breaks one line).
export const reviewPath = (articleId: string, commentId?: string) =>
  `/studio/articles/${articleId}/review${commentId ? `#comment-${commentId}` : ""}`;
export const publishPath = (articleId: string) => `/studio/articles/${articleId}/publish`;
