// ─── SLOT: content-check side panel ────────────────────────────────────────────────────────────────────
// The editor page renders whatever this returns in its side column, under the reference manager.
// Owner of the content checks (integrity): replace `return null` with your panel, e.g.
//   return <ContentCheckPanel articleId={articleId} />;
// Nothing else in the editor needs to change. Keep it a server component or a client component that
// fetches its own data; it receives only the article id.
export function ContentCheckSlot({ articleId }: { articleId: string }) {
  void articleId;
  return null;
}
