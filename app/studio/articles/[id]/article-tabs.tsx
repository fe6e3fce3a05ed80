import Link from "next/link";

const TABS = [
  { seg: "edit", label: "Edit" },
  { seg: "preview", label: "Preview" },
  { seg: "history", label: "History" },
  { seg: "review", label: "Review" },
] as const;

/** Navigation between an article's studio pages; the current one is marked for assistive technology. */
export function ArticleTabs({
  articleId,
  current,
  canEdit,
}: {
  articleId: string;
  current: (typeof TABS)[number]["seg"];
  canEdit: boolean;
}) {
  return (
    <nav aria-label="Article" className="article-tabs">
      <ul>
        {TABS.filter((t) => canEdit || t.seg !== "edit").map((t) => (
          <li key={t.seg}>
            <Link href={`/studio/articles/${articleId}/${t.seg}`} aria-current={t.seg === current ? "page" : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
