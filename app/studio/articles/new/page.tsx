import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_server/session";
import { NewArticleForm } from "./new-article-form";
import "../_editor/editor.css";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requirePermission("article.create", "/studio/articles/new");
  return (
    <>
      <h1>New article</h1>
      <p>
        Or <Link href="/studio/articles/import">import an existing article</Link> from HTML or Markdown.
      </p>
      <NewArticleForm />
    </>
  );
}
