// /studio/articles/[id] (linked from notifications): the editor for those who may edit, the preview for
// those who may only read, 404 for everyone else.
import { redirect } from "next/navigation";
import { requirePermission } from "@/app/_server/session";
import { loadArticleOr404 } from "./load";

export default async function ArticleIndexPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}`);
  const state = await loadArticleOr404(actor, id);
  redirect(`/studio/articles/${id}/${state.canEdit ? "edit" : "preview"}`);
}
