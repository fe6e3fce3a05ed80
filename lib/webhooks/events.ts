// Webhook events: what is sent, and queueing them in the transaction of the change they report. The rows are
// an outbox; deliver-webhooks.ts sends them after commit.
import type { DbTx } from "../db/client";
import { siteUrl } from "../public/site";
import { loadTranslationGroup, type TranslationLink } from "../translations/translation-group";
import { translationPath } from "../translations/translation-path";

export const WEBHOOK_EVENT_TYPES = [
  "article.published",
  "article.updated",
  "article.unpublished",
  "webhook.test",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The body every receiver gets (Standard Webhooks shape: type, timestamp, data). */
export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface ArticleEventData {
  articleId: string;
  slug: string;
  revisionId?: string | null;
  reason?: string;
}

/**
 * The article's locale and its language versions, as the content API gives them: `translationOf` (the original's
 * id, slug and locale, or null) and `translations` (the other live versions of the group).
 */
async function languageData(tx: DbTx, articleId: string) {
  const group = await loadTranslationGroup(tx, articleId);
  const self = group.find((g) => g.articleId === articleId);
  const link = (g: TranslationLink) => ({
    articleId: g.articleId,
    locale: g.locale,
    slug: g.slug,
    url: siteUrl() + translationPath(g),
  });
  const source = self && !self.isSource ? group.find((g) => g.isSource) : undefined;
  return {
    locale: self?.locale ?? "en",
    translationOf: source ? link(source) : null,
    translations: group.filter((g) => g.articleId !== articleId && g.live).map(link),
  };
}

/** One delivery per active endpoint; nothing when no endpoint is registered. */
export async function queueWebhookEvent(
  tx: DbTx,
  type: WebhookEventType,
  data: Record<string, unknown>,
  options: { endpointIds?: string[]; now?: Date } = {},
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { active: true, ...(options.endpointIds ? { id: { in: options.endpointIds } } : {}) },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const now = options.now ?? new Date();
  const payload: WebhookPayload = { type, timestamp: now.toISOString(), data };
  const payloadJson = JSON.stringify(payload);
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({ endpointId: e.id, eventType: type, payloadJson, nextAttemptAt: now })),
  });
  return endpoints.length;
}

/** article.published (first time live, or live again), article.updated (a new revision replaced the live one). */
export async function queueArticleLiveEvent(
  tx: DbTx,
  input: { articleId: string; slug: string; revisionId: string; previousLiveRevisionId: string | null },
) {
  const rev = await tx.revision.findUnique({
    where: { id: input.revisionId },
    select: { number: true, title: true },
  });
  const language = await languageData(tx, input.articleId);
  return queueWebhookEvent(tx, input.previousLiveRevisionId ? "article.updated" : "article.published", {
    articleId: input.articleId,
    slug: input.slug,
    url: siteUrl() + translationPath({ locale: language.locale, slug: input.slug }),
    ...language,
    api: `${siteUrl()}/api/v1/articles/${encodeURIComponent(input.slug)}`,
    revisionId: input.revisionId,
    revision: rev?.number ?? null,
    title: rev?.title ?? null,
  });
}

export async function queueArticleUnpublishedEvent(tx: DbTx, input: ArticleEventData) {
  const language = await languageData(tx, input.articleId);
  return queueWebhookEvent(tx, "article.unpublished", {
    articleId: input.articleId,
    slug: input.slug,
    url: siteUrl() + translationPath({ locale: language.locale, slug: input.slug }),
    ...language,
    revisionId: input.revisionId ?? null,
  });
}
