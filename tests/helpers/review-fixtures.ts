// Rows for review/publishing integration tests, written directly (not through the editor's functions) so
// these tests depend only on the data model.
import { freezeRevision } from "../../lib/revisions/freeze-revision";
import type { DbTx } from "../../lib/db/client";

let n = 0;
const uid = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function makeUser(db: DbTx, roles: string[], name = `User ${uid()}`) {
  return db.user.create({
    data: { email: `${uid()}@test.local`, name, passwordHash: "x", roles: { create: roles.map((role) => ({ role })) } },
  });
}

export async function makeCredential(
  db: DbTx,
  userId: string,
  over: Partial<{ status: string; expiresAt: Date; verifiedById: string }> = {},
) {
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

export const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** An article by `writerId` with a working copy. */
export async function makeArticle(
  db: DbTx,
  writerId: string,
  over: Partial<{ status: string; title: string; body: string }> = {},
) {
  const id = uid();
  return db.article.create({
    data: {
      slug: `article-${id}`,
      status: over.status ?? "DRAFT",
      createdById: writerId,
      authors: { create: [{ userId: writerId }] },
      draft: {
        create: {
          title: over.title ?? `Article ${id}`,
          summary: "A summary.",
          bodyJson: doc(over.body ?? "Body text."),
          editorIds: JSON.stringify([writerId]),
        },
      },
    },
  });
}

/** Freezes the working copy (through the editor's freezeRevision) and makes it current. `contributors`
 *  replaces the contributor list when given (e.g. to make a reviewer an editor of the revision). */
export async function makeRevision(
  db: DbTx,
  articleId: string,
  authorId: string,
  contributors?: string[],
  changeSummary = "First version",
) {
  const rev = await freezeRevision(db, { articleId, actorId: authorId, changeSummary });
  if (contributors) {
    await db.revisionContributor.deleteMany({ where: { revisionId: rev.id } });
    for (const userId of new Set(contributors))
      await db.revisionContributor.create({ data: { revisionId: rev.id, userId } });
  }
  return rev;
}

export async function makeApproval(db: DbTx, revisionId: string, reviewerId: string, credentialId: string | null) {
  const rev = await db.revision.findUniqueOrThrow({ where: { id: revisionId } });
  return db.review.create({
    data: {
      revisionId,
      reviewerId,
      credentialId,
      decision: "APPROVED",
      statement: "I approve.",
      contentHash: rev.contentHash,
      credentialSnapshot: "{}",
    },
  });
}
