// Shared loader for an article's studio pages: 404 for articles the person may not see (no hint that they
// exist), otherwise the editor state.
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/policy";
import { loadEditorState } from "@/lib/drafts/load-editor-state";

export async function loadArticleOr404(actor: Actor, id: string) {
  try {
    return await loadEditorState(db, actor, id);
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
