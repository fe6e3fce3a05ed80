// An article's presentation settings, set by its writers and editors: the citation style its references are
// formatted in (public page and studio), and the audience it is written for (the readability target of the
// content checks). Neither is reviewed content, so changing them never voids an approval. A live article's
// public reference list is re-formatted in the same transaction, so readers see the new style at once.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { assertCanEditArticle } from "./article-access";
import { recordAuditEvent } from "../audit/record-event";
import { AUDIENCES, type Audience } from "../checks/audience";
import { changeWhatReadersSee, type ChangesWhatReadersSee, type ReaderChange } from "../public/reader-change";
import { citationStyleSchema, toCitationStyle, type CitationStyle } from "../references/citation-styles";
import { formatRevisionReferences } from "../references/format-revision-references";

export const articleSettingsSchema = z.object({
  articleId: z.string().min(1, "The article is missing; reload the page."),
  citationStyle: citationStyleSchema,
  audience: z.enum(AUDIENCES, { error: "Choose who the article is written for." }),
});
export type ArticleSettingsInput = z.input<typeof articleSettingsSchema>;
export type ArticleSettings = z.output<typeof articleSettingsSchema>;

export interface ArticleSettingsResult extends ChangesWhatReadersSee {
  citationStyle: CitationStyle;
  audience: Audience;
  /** The public page changed (a live article's references were re-formatted; `readerChange` says which pages). */
  liveReformatted: boolean;
}

export async function updateArticleSettings(
  db: Db,
  actor: Actor,
  input: ArticleSettings,
): Promise<ArticleSettingsResult> {
  return db.$transaction(async (tx) => {
    await assertCanEditArticle(tx, actor, input.articleId);
    const before = await tx.article.findUniqueOrThrow({
      where: { id: input.articleId },
      select: { citationStyle: true, audience: true, liveRevisionId: true },
    });
    const previousStyle = toCitationStyle(before.citationStyle);
    if (previousStyle === input.citationStyle && before.audience === input.audience)
      return {
        citationStyle: input.citationStyle,
        audience: input.audience,
        liveReformatted: false,
        readerChange: null,
      };
    await tx.article.update({
      where: { id: input.articleId },
      data: { citationStyle: input.citationStyle, audience: input.audience },
    });
    let readerChange: ReaderChange | null = null;
    if (before.liveRevisionId && previousStyle !== input.citationStyle) {
      const publication = await tx.publication.findFirst({
        where: { articleId: input.articleId, revisionId: before.liveRevisionId, unpublishedAt: null },
        orderBy: { publishedAt: "desc" },
        select: { id: true, revision: { select: { bodyJson: true, referencesJson: true } } },
      });
      if (publication) {
        await tx.publication.update({
          where: { id: publication.id },
          data: {
            citationStyle: input.citationStyle,
            referencesHtml: formatRevisionReferences(
              publication.revision.bodyJson,
              publication.revision.referencesJson,
              input.citationStyle,
            ),
          },
        });
        readerChange = await changeWhatReadersSee(tx, {
          articleId: input.articleId,
          revisionIds: [before.liveRevisionId],
        });
      }
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.settings_changed",
      entityType: "Article",
      entityId: input.articleId,
      data: {
        citationStyle: input.citationStyle,
        audience: input.audience,
        previous: { citationStyle: previousStyle, audience: before.audience },
        liveReformatted: readerChange !== null,
      },
    });
    return {
      citationStyle: input.citationStyle,
      audience: input.audience,
      liveReformatted: readerChange !== null,
      readerChange,
    };
  });
}
