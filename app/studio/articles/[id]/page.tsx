// /studio/articles/[id] (the content list and notifications link here): the screen where this person's next
// step is. An editor opening an approved article lands on Publish (publishing is what is left to do); those
// who may edit land in the editor, those who may only read on the preview; 404 for everyone else.
import { redirect } from "next/navigation";
import { requirePermission } from "@/app/_server/session";
import { can } from "@/lib/auth/policy";
import { loadArticleOr404 } from "./load";

export default async function ArticleIndexPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}`);
  const state = await loadArticleOr404(actor, id);
  const tab =
    state.article.status === "APPROVED" && can(actor, "article.publish")
      ? "publish"
      : state.canEdit
        ? "edit"
        : "preview";
  redirect(`/studio/articles/${id}/${tab}`);
}
