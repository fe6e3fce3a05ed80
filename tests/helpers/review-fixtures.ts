// Rows for review/publishing integration tests, written directly (not through the editor's functions) so
// these tests depend only on the data model.
import { createHash } from "node:crypto";
import type { DbTx } from "../../lib/db/client";

let n = 0;
const uid = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function makeUser(db: DbTx, roles: string[], name = `User ${uid()}`) {
  return db.user.create({
    data: { email: `${uid()}@test.local`, name, passwordHash: "x", roles: { create: roles.map((role) => ({ role })) } },
  });
}

export async function makeCredential(db: DbTx, userId: string, over: Partial<{ status: string; expiresAt: Date; verifiedById: string }> = {}) {
  return db.credential.create({
    data: {
      userId,
      displayName: "Dr. Test Reviewer",
      postNominals: "M.D., FRCP",
      specialty: "Dermatology",
      licenseNumber: "GMC 1234567",
      issuingBody: "General Medical Council",
      jurisdiction: "UK",
      expiresAt: over.expiresAt ?? new Date(Date.now() + 365 * 86400_000),
      status: over.status ?? "VERIFIED",
      verifiedById: over.verifiedById ?? null,
      verifiedAt: (over.status ?? "VERIFIED") === "VERIFIED" ? new Date() : null,
    },
  });
}

export const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** An article by `writerId` with a working copy. */
export async function makeArticle(db: DbTx, writerId: string, over: Partial<{ status: string; title: string; body: string }> = {}) {
  const id = uid();
  return db.article.create({
    data: {
      slug: `article-${id}`,
      status: over.status ?? "DRAFT",
      createdById: writerId,
      authors: { create: [{ userId: writerId }] },
      draft: { create: { title: over.title ?? `Article ${id}`, summary: "A summary.", bodyJson: doc(over.body ?? "Body text."), editorIds: JSON.stringify([writerId]) } },
    },
  });
}

/** Freezes the working copy as a revision directly and makes it current (with its contributors). */
export async function makeRevision(db: DbTx, articleId: string, authorId: string, contributors: string[] = [authorId], changeSummary = "First version") {
  const draft = await db.workingDraft.findUniqueOrThrow({ where: { articleId } });
  const number = (await db.revision.count({ where: { articleId } })) + 1;
  const refs = await db.reference.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  const referencesJson = JSON.stringify(refs.map((r) => ({ key: r.key, title: r.title, url: r.url, doi: r.doi, pmid: r.pmid })));
  const contentHash = createHash("sha256").update(JSON.stringify([draft.title, draft.summary, draft.bodyJson, referencesJson])).digest("hex");
  const rev = await db.revision.create({
    data: {
      articleId,
      number,
      title: draft.title,
      summary: draft.summary,
      bodyJson: draft.bodyJson,
      referencesJson,
      contentHash,
      changeSummary,
      bodyHtml: "<p>Body text.</p>",
      authorId,
      contributors: { create: [...new Set(contributors)].map((userId) => ({ userId })) },
    },
  });
  await db.article.update({ where: { id: articleId }, data: { currentRevisionId: rev.id } });
  return rev;
}

export async function makeApproval(db: DbTx, revisionId: string, reviewerId: string, credentialId: string | null) {
  const rev = await db.revision.findUniqueOrThrow({ where: { id: revisionId } });
  return db.review.create({
    data: { revisionId, reviewerId, credentialId, decision: "APPROVED", statement: "I approve.", contentHash: rev.contentHash, credentialSnapshot: "{}" },
  });
}
