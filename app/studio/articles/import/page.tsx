import type { Metadata } from "next";
import { requirePermission } from "@/app/_server/session";
import { ImportForm } from "./import-form";
import "../_editor/editor.css";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  await requirePermission("article.create", "/studio/articles/import");
  const { error } = await searchParams;
  return (
    <>
      <h1>Import an article</h1>
      <p>
        Paste an existing article or upload its HTML or Markdown file. Headings, lists, links, emphasis and quotations
        are kept. The page’s sources — a References, Sources or Further reading list (in other languages too), or
        numbered entries at its end — become structured references, and the citation markers in the text point at them;
        entries that cannot be read completely are kept and marked “Needs details”. Scripts, styles, frames, forms and
        images are left out.
      </p>
      <ImportForm initialError={error ?? ""} />
    </>
  );
}
