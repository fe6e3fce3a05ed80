// A published article made through the real workflow (freeze → approve → publish), for tests of what readers
// and syndication see: search, the A–Z list, the content API, webhooks.
import type { Db } from "../../lib/db/client";
import { submitArticle } from "../../lib/workflow/submit-article";
import { approveRevision } from "../../lib/review/decide-review";
import { publishArticle } from "../../lib/publishing/publish-article";
import { makeArticle, makeCredential, makeUser } from "./factory";

export interface ArticleContent {
  title: string;
  conditionName?: string;
  alternativeNames?: string[];
  summary?: string;
  /** Top-level blocks: strings are paragraphs, `## ` starts a heading. */
  blocks?: string[];
}

export function bodyJson(blocks: string[]): string {
  return JSON.stringify({
    type: "doc",
    content: blocks.map((b) =>
      b.startsWith("## ")
        ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: b.slice(3) }] }
        : { type: "paragraph", content: [{ type: "text", text: b }] },
    ),
  });
}

export async function makeTeam(db: Db) {
  const writer = await makeUser(db, { roles: ["WRITER"], name: "Wendy Writer" });
  const reviewer = await makeUser(db, { roles: ["REVIEWER"], name: "Rita Reviewer" });
  const editor = await makeUser(db, { roles: ["EDITOR"], name: "Ed Editor" });
  await makeCredential(db, { userId: reviewer.id });
  return { writer, reviewer, editor };
}

export type Team = Awaited<ReturnType<typeof makeTeam>>;

/** Writes `content` into the article's working copy (as autosave would). */
export async function setDraft(db: Db, articleId: string, content: ArticleContent) {
  await db.workingDraft.update({
    where: { articleId },
    data: {
      title: content.title,
      conditionName: content.conditionName ?? "",
      alternativeNames: JSON.stringify(content.alternativeNames ?? []),
      summary: content.summary ?? "A summary.",
      bodyJson: bodyJson(content.blocks ?? ["Body text."]),
      version: { increment: 1 },
    },
  });
}

/** Submits the working copy and approves it with the team's reviewer, clean checks recorded: ready to publish. */
export async function approveDraft(db: Db, team: Team, articleId: string) {
  const submitted = await submitArticle(db, team.writer, { articleId, changeSummary: "Ready" });
  const revision = await db.revision.findUniqueOrThrow({ where: { id: submitted.revisionId } });
  const { liveRevisionId } = await db.article.findUniqueOrThrow({ where: { id: articleId } });
  await approveRevision(db, team.reviewer, {
    articleId,
    revisionId: revision.id,
    contentHash: revision.contentHash,
    attest: true,
    // Asked (and required) only at a re-review of a live article.
    ...(liveRevisionId ? { evidenceChecked: true as const } : {}),
  });
  // What the integrity checks record after a freeze: a clean plagiarism report and check run.
  await db.plagiarismReport.create({
    data: { revisionId: revision.id, similarity: 1, parametersJson: "{}", matchesJson: "[]" },
  });
  await db.contentCheckRun.create({ data: { articleId, revisionId: revision.id, findingsJson: "[]" } });
  return revision;
}

/** Submits the working copy, approves it with the team's reviewer and publishes it with the editor. */
export async function publishDraft(db: Db, team: Team, articleId: string) {
  const revision = await approveDraft(db, team, articleId);
  return publishArticle(db, team.editor, { articleId, revisionId: revision.id });
}

export async function makePublishedArticle(db: Db, team: Team, content: ArticleContent) {
  const article = await makeArticle(db, { authorId: team.writer.id, title: content.title });
  await setDraft(db, article.id, content);
  const published = await publishDraft(db, team, article.id);
  return { ...published, articleId: article.id };
}
