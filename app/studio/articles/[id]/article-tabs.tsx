import Link from "next/link";

const TABS = [
  { seg: "edit", label: "Edit" },
  { seg: "preview", label: "Preview" },
  { seg: "history", label: "History" },
  { seg: "languages", label: "Languages" },
  { seg: "review", label: "Review" },
  { seg: "plagiarism", label: "Checks" },
  { seg: "publish", label: "Publish" },
] as const;

export type ArticleTab = (typeof TABS)[number]["seg"];

/** Navigation between an article's studio pages; the current one is marked for assistive technology. */
export function ArticleTabs({
  articleId,
  current,
  show,
}: {
  articleId: string;
  current: ArticleTab;
  /** Tabs that need a permission: Edit (may edit the working copy), Publish (article.publish). */
  show: { edit: boolean; publish: boolean };
}) {
  const visible = TABS.filter((t) => (t.seg === "edit" ? show.edit : t.seg === "publish" ? show.publish : true));
  return (
    <nav aria-label="Article" className="article-tabs">
      <ul>
        {visible.map((t) => (
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
