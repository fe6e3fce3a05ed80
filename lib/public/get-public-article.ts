// The article page's data in one read: the live revision (pre-rendered body, frozen references), its standing
// approval with the credential snapshot, its publication date, and the authors. Prisma runs a fixed number of
// SQL statements for this shape whatever the article's size (no per-reference or per-author queries).
import type { DbTx } from "../db/client";
import { publicCredential } from "../credentials/credential-standing";
import { HIDDEN_STATUSES, standingApprovalWhere } from "./live-filter";
import { publicReferences } from "./references";
import { parseFormattedReferences } from "../references/format-revision-references";
import { isPublicSlug } from "./slug";
import type { PublicArticle, PublicImage } from "./types";
import { parseImagesJson, variantUrl } from "../content/image-snapshot";
import { isLicenceCode, LICENCES, licenceLabel } from "../media/licences";
import { getSettings } from "../settings/settings";
import { loadTranslationGroup } from "../translations/translation-group";
import { sourceUpdatedNotice } from "../translations/source-notice";
import { parseDisclosure } from "../declarations/disclosure-snapshot";

export async function getPublicArticle(db: DbTx, slug: string): Promise<PublicArticle | null> {
  if (!isPublicSlug(slug)) return null;
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      locale: true,
      translationOfId: true,
      liveSourceUpdatedAt: true,
      conditionName: true,
      firstPublishedAt: true,
      lastPublishedAt: true,
      reviewDueAt: true,
      overdueAction: true,
      authors: { orderBy: { addedAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
      liveRevision: {
        select: {
          id: true,
          number: true,
          title: true,
          summary: true,
          conditionName: true,
          bodyJson: true,
          bodyHtml: true,
          referencesJson: true,
          contentHash: true,
          imagesJson: true,
          author: { select: { id: true, name: true } },
          reviews: {
            where: standingApprovalWhere,
            orderBy: { createdAt: "desc" },
            take: 1,
            select: {
              id: true,
              reviewerId: true,
              credentialSnapshot: true,
              createdAt: true,
              credential: { select: { expiresAt: true } },
            },
          },
          publications: {
            orderBy: { publishedAt: "desc" },
            take: 1,
            select: { publishedAt: true, referencesHtml: true, disclosureJson: true },
          },
        },
      },
    },
  });
  const rev = article?.liveRevision;
  if (!article || !rev || (HIDDEN_STATUSES as readonly string[]).includes(article.status)) return null;

  const approval = rev.reviews[0];
  const snapshot = approval ? publicCredential(approval.credentialSnapshot) : null;
  const publishedAt = rev.publications[0]?.publishedAt ?? article.lastPublishedAt ?? article.firstPublishedAt;
  const firstPublishedAt = article.firstPublishedAt ?? publishedAt;
  if (!publishedAt || !firstPublishedAt) return null; // live without any publication record: not shown

  const authors = article.authors.length ? article.authors.map((a) => a.user) : [rev.author];
  const group = await loadTranslationGroup(db, article.id);
  const source = group.find((g) => g.isSource);
  const notice = sourceUpdatedNotice(
    article,
    source && source.articleId !== article.id ? source.locale : null,
    (await getSettings(db))["translations.sourceChangedNotice"],
  );

  return {
    articleId: article.id,
    locale: article.locale,
    translations: group.filter((g) => g.live).map((g) => ({ locale: g.locale, slug: g.slug })),
    sourceUpdated: notice ? { sourceLocale: notice.sourceLocale, updatedAt: notice.updatedAt.toISOString() } : null,
    revisionId: rev.id,
    revisionNumber: rev.number,
    slug: article.slug,
    title: rev.title,
    summary: rev.summary,
    conditionName: rev.conditionName || article.conditionName,
    bodyHtml: rev.bodyHtml,
    authors: authors.map((u) => ({ id: u.id, name: u.name })),
    review:
      approval && snapshot
        ? { reviewerId: approval.reviewerId, ...snapshot, reviewedAt: approval.createdAt.toISOString() }
        : null,
    firstPublishedAt: firstPublishedAt.toISOString(),
    lastModifiedAt: publishedAt.toISOString(),
    contentHash: rev.contentHash,
    approvalId: approval && snapshot ? approval.id : null,
    // The reviewer's credential has expired since the approval, or the re-review date has passed.
    reviewDue:
      !!approval &&
      ((approval.credential?.expiresAt ?? null) !== null && approval.credential!.expiresAt < new Date()
        ? true
        : !!article.reviewDueAt && article.reviewDueAt < new Date()),
    overdueAction:
      article.overdueAction === "NOTICE" || article.overdueAction === "NOINDEX" ? article.overdueAction : null,
    references: publicReferences(
      rev.bodyJson,
      rev.referencesJson,
      parseFormattedReferences(rev.publications[0]?.referencesHtml),
    ),
    images: publicImages(rev.imagesJson),
    disclosure: parseDisclosure(rev.publications[0]?.disclosureJson),
  };
}

function publicImages(json: string): PublicImage[] {
  return parseImagesJson(json).flatMap((i) => {
    const fallback = i.variants
      .filter((v) => v.format === "jpeg" || v.format === "png")
      .sort((a, b) => b.width - a.width)[0];
    if (!fallback) return [];
    return [
      {
        contentPath: variantUrl(fallback),
        width: fallback.width,
        height: fallback.height,
        alt: i.alt,
        caption: i.caption,
        credit: i.credit,
        licenceUrl: isLicenceCode(i.licence) ? LICENCES[i.licence].url : null,
        licenceLabel: licenceLabel(i.licence, i.licenceAgency),
      },
    ];
  });
}
