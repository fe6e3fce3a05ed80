// The article's languages. For an original: its translations and "Translate into…". For a translation: the
// source's blocks beside the translation's, each with a "done" mark, and — when a newer source version went
// live — exactly what changed in it since the translation was made, with the step that says it was carried over.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_server/session";
import { db } from "@/lib/db/client";
import { can, type Actor } from "@/lib/auth/policy";
import { statusLabel } from "@/lib/workflow/state-machine";
import { getSiteLocales, localeName } from "@/lib/translations/locales";
import { loadTranslationWorkspace } from "@/lib/translations/load-translation-workspace";
import { translationPath } from "@/lib/translations/translation-path";
import { ActionForm } from "@/components/studio/action-form";
import { DiffView } from "@/components/review/diff-view";
import { ArticleWorkspaceHeader } from "../workspace-header";
import { loadArticleOr404 } from "../load";
import { bringUpToDateAction, markBlockDoneAction, startTranslationAction } from "./actions";
import "../../_editor/editor.css";
import "./languages.css";

export const metadata: Metadata = { title: "Languages" };

const day = (d: Date) =>
  d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default async function LanguagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ started?: string }>;
}) {
  const { id } = await params;
  const { started } = await searchParams;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}/languages`);
  await loadArticleOr404(actor, id);
  const article = await db.article.findUniqueOrThrow({
    where: { id },
    select: { translationOfId: true, locale: true, liveRevisionId: true },
  });
  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={id} current="languages" />
      {article.translationOfId ? (
        <TranslationView actor={actor} articleId={id} started={started === "1"} />
      ) : (
        <OriginalView
          articleId={id}
          locale={article.locale}
          live={!!article.liveRevisionId}
          mayStart={can(actor, "article.create")}
        />
      )}
    </>
  );
}

async function TranslationView({ actor, articleId, started }: { actor: Actor; articleId: string; started: boolean }) {
  const ws = await loadTranslationWorkspace(db, actor, articleId);
  const changed = ws.sourceChanged;
  return (
    <div className="translation" data-testid="translation-workspace">
      {started && (
        <p className="notice ok" role="status">
          Translation started: the {ws.source.language} text is copied into the draft. Translate it block by block in
          the editor and tick each block here when it is done.
        </p>
      )}
      <p>
        {ws.article.language} translation of{" "}
        <Link href={`/studio/articles/${ws.source.id}/languages`}>{ws.source.title || "the original"}</Link>
        {ws.base && (
          <>
            , made from {ws.source.language} revision {ws.base.number}
          </>
        )}
        . References and their numbers are the original&rsquo;s.{" "}
        {ws.mayEdit && <Link href={`/studio/articles/${articleId}/edit`}>Edit the translation</Link>}
      </p>
      {changed && (
        <section className="panel notice warn" aria-labelledby="source-changed-heading" data-testid="source-changed">
          <h2 id="source-changed-heading">The {ws.source.language} version changed</h2>
          <p>
            {ws.source.language} revision {changed.liveNumber} went live
            {changed.updatedAt && <> on {day(changed.updatedAt)}</>}. Here is what changed since revision{" "}
            {changed.baseNumber ?? "?"}, the one this translation was made from. Carry these changes into the
            translation, then say so below.
          </p>
          {ws.liveSourceUpdatedAt && (
            <p className="field-hint">
              Until an updated translation is approved and published, the live {ws.article.language} page may tell
              readers that the {ws.source.language} version was updated on {day(ws.liveSourceUpdatedAt)} (Admin →
              Settings → Languages).
            </p>
          )}
          <DiffView compared={changed.compared} />
          {ws.mayEdit && (
            <ActionForm
              action={bringUpToDateAction}
              submitLabel={`The changes are translated: follow ${ws.source.language} revision ${changed.liveNumber}`}
              pendingLabel="Saving…"
              label="Bring the translation up to date"
              successMessage="Done. Submit the translation for review when it is ready."
              testId="bring-up-to-date"
            >
              <input type="hidden" name="articleId" value={articleId} />
              <input type="hidden" name="sourceRevisionId" value={changed.liveRevisionId} />
            </ActionForm>
          )}
        </section>
      )}
      <h2>
        Side by side{" "}
        <span className="badge" data-testid="done-count">
          {ws.doneCount} of {ws.rows.length} blocks done
        </span>
      </h2>
      <ol className="tr-rows" data-testid="translation-rows">
        {ws.rows.map((row) => (
          <li
            key={row.index}
            className={`tr-row${row.changedInSource && changed ? " tr-changed" : ""}${row.done ? " tr-done" : ""}`}
            data-testid="translation-row"
            data-changed={row.changedInSource && changed ? "true" : undefined}
            data-done={row.done ? "true" : undefined}
          >
            <div className="tr-side" lang={ws.source.locale}>
              <p className="tr-label">
                {ws.source.language}
                {row.changedInSource && changed && <strong className="badge warn"> Changed</strong>}
              </p>
              <div className="article-body" dangerouslySetInnerHTML={{ __html: row.sourceHtml }} />
            </div>
            <div className="tr-side" lang={ws.article.locale}>
              <p className="tr-label">{ws.article.language}</p>
              {row.translationHtml ? (
                <div className="article-body" dangerouslySetInnerHTML={{ __html: row.translationHtml }} />
              ) : (
                <p className="empty">No block here yet.</p>
              )}
            </div>
            {ws.mayEdit && (
              <ActionForm
                action={markBlockDoneAction}
                submitLabel={row.done ? "Done ✓ — undo" : "Mark done"}
                pendingLabel="Saving…"
                buttonClass={row.done ? "secondary" : undefined}
                label={`Block ${row.index + 1}`}
                className="tr-done-form"
              >
                <input type="hidden" name="articleId" value={articleId} />
                <input type="hidden" name="blockIndex" value={row.index} />
                <input type="hidden" name="done" value={row.done ? "false" : "true"} />
              </ActionForm>
            )}
          </li>
        ))}
      </ol>
      {ws.extraTranslationHtml.length > 0 && (
        <section aria-labelledby="extra-heading">
          <h2 id="extra-heading">Blocks only in the translation</h2>
          <div
            className="article-body"
            lang={ws.article.locale}
            dangerouslySetInnerHTML={{ __html: ws.extraTranslationHtml.join("\n") }}
          />
        </section>
      )}
    </div>
  );
}

async function OriginalView({
  articleId,
  locale,
  live,
  mayStart,
}: {
  articleId: string;
  locale: string;
  live: boolean;
  mayStart: boolean;
}) {
  const [translations, { enabled }] = await Promise.all([
    db.article.findMany({
      where: { translationOfId: articleId },
      orderBy: { locale: "asc" },
      select: {
        id: true,
        locale: true,
        slug: true,
        status: true,
        liveRevisionId: true,
        sourceChangedAt: true,
        draft: { select: { title: true } },
      },
    }),
    getSiteLocales(db),
  ]);
  const open = enabled.filter((l) => l !== locale && !translations.some((t) => t.locale === l));
  return (
    <div className="translation" data-testid="article-languages">
      <p>
        Written in {localeName(locale)}. Each translation is an article of its own: its own drafts, its own medical
        review in its language, its own publication. References stay this article&rsquo;s.
      </p>
      {translations.length === 0 ? (
        <p className="empty">No translations yet.</p>
      ) : (
        <ul className="tr-list" data-testid="translation-list">
          {translations.map((t) => (
            <li key={t.id}>
              <Link href={`/studio/articles/${t.id}/languages`}>
                {localeName(t.locale)}: {t.draft?.title ?? t.slug}
              </Link>{" "}
              <span className="badge">{statusLabel(t.status)}</span>
              {t.liveRevisionId && <span className="badge ok">Live</span>}
              {t.sourceChangedAt && <span className="badge warn">Source changed</span>}
              {t.liveRevisionId && (
                <>
                  {" "}
                  <a href={translationPath(t)}>Readers&rsquo; page</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayStart && open.length > 0 && (
        <section className="panel" aria-labelledby="translate-heading">
          <h2 id="translate-heading">Translate into…</h2>
          {live ? (
            <ActionForm
              action={startTranslationAction}
              submitLabel="Start the translation"
              pendingLabel="Starting…"
              label="Translate into"
              testId="start-translation"
            >
              <input type="hidden" name="sourceArticleId" value={articleId} />
              <p>
                <label htmlFor="translate-locale">Language</label>
                <select id="translate-locale" name="locale" defaultValue={open[0]}>
                  {open.map((l) => (
                    <option key={l} value={l}>
                      {localeName(l)}
                    </option>
                  ))}
                </select>
              </p>
              <p className="field-hint">
                The translation starts as a copy of the live text, with the same citations, and records which revision
                it was made from.
              </p>
            </ActionForm>
          ) : (
            <p className="empty">
              A translation is made from the approved text readers see: publish this article first.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
