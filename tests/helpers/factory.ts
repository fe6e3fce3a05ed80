// The one place tests make their data: people, credentials, articles, revisions, approvals. Every helper takes
// an options object whose fields all have defaults, and every e-mail / slug is unique, so tests never depend
// on each other. Used by the vitest suite and by the Playwright specs (e2e/helpers/factory.ts adds sign-in on
// top), and by benches that need realistic rows. It imports nothing from vitest.
import { randomBytes } from "node:crypto";
import type { DbTx } from "../../lib/db/client";
import type { Actor } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { hashPassword } from "../../lib/auth/password";
import { startUserSession, type SessionClaim } from "../../lib/auth/user-sessions";
import { freezeRevision } from "../../lib/revisions/freeze-revision";

export { toActor } from "../../lib/users/to-actor";

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

/** A user as the tests hold it: what the policy sees (an Actor), plus the password when one was set. */
export interface TestUser extends Actor {
  roles: Role[];
  password: string;
}

export interface UserOptions {
  roles?: Role[];
  name?: string;
  email?: string;
  /** When given, stored as a real argon2id hash (for sign-in); otherwise a placeholder no password matches. */
  password?: string;
  status?: "ACTIVE" | "DISABLED";
  /** Invited and not yet accepted: no password at all (the empty hash), so nothing signs in. */
  invited?: boolean;
}

function defaultName(roles: readonly Role[], suffix: string): string {
  const label = roles.map((r) => r[0] + r.slice(1).toLowerCase()).join("-") || "Person";
  return `${label} ${suffix}`;
}

export async function makeUser(db: DbTx, options: UserOptions = {}): Promise<TestUser> {
  const roles = options.roles ?? ["WRITER"];
  const suffix = uniqueSuffix();
  const name = options.name ?? defaultName(roles, suffix);
  const email = (options.email ?? `${roles.join("-").toLowerCase() || "person"}-${suffix}@test.example`).toLowerCase();
  const status = options.status ?? "ACTIVE";
  const passwordHash = options.invited ? "" : options.password ? await hashPassword(options.password) : "x";
  const user = await db.user.create({
    data: { name, email, passwordHash, status, roles: { create: [...new Set(roles)].map((role) => ({ role })) } },
  });
  return { id: user.id, name, email, status, roles: [...roles], password: options.password ?? "" };
}

/** A session of `userId` as a sign-in opens one (without the password step), and what its token claims. */
export async function makeSession(db: DbTx, userId: string): Promise<SessionClaim> {
  const { sessionVersion } = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  return { userId, sessionVersion, sessionId: await startUserSession(db, userId) };
}

export interface CredentialOptions {
  userId: string;
  status?: "VERIFIED" | "PENDING" | "REJECTED";
  displayName?: string;
  postNominals?: string;
  expiresAt?: Date;
  verifiedById?: string | null;
  /** Locale codes the reviewer may review in (English only unless told). */
  languages?: string[];
}

/** A reviewer's credential; verified and valid for a year unless told otherwise. */
export async function makeCredential(db: DbTx, options: CredentialOptions) {
  const status = options.status ?? "VERIFIED";
  return db.credential.create({
    data: {
      userId: options.userId,
      displayName: options.displayName ?? "Dr. Test Reviewer",
      postNominals: options.postNominals ?? "M.D., FRCP",
      specialty: "Dermatology",
      licenseNumber: `GMC ${Math.floor(Math.random() * 9_000_000 + 1_000_000)}`,
      issuingBody: "General Medical Council",
      jurisdiction: "United Kingdom",
      expiresAt: options.expiresAt ?? new Date(Date.now() + 365 * 86400_000),
      status,
      verifiedById: options.verifiedById ?? null,
      verifiedAt: status === "VERIFIED" ? new Date() : null,
      languages: JSON.stringify(options.languages ?? ["en"]),
    },
  });
}

/** A reviewer (REVIEWER role) with a credential: verified and valid unless the options say otherwise. */
export async function makeReviewer(
  db: DbTx,
  options: UserOptions &
    Omit<CredentialOptions, "userId" | "status"> & { credentialStatus?: CredentialOptions["status"] } = {},
) {
  const user = await makeUser(db, { roles: ["REVIEWER"], name: `Dr. Test Reviewer ${uniqueSuffix()}`, ...options });
  const credential = await makeCredential(db, {
    userId: user.id,
    status: options.credentialStatus,
    displayName: options.displayName ?? user.name,
    postNominals: options.postNominals,
    expiresAt: options.expiresAt,
    languages: options.languages,
  });
  return { user, credential };
}

/** A Tiptap document of one paragraph, serialised as stored. */
export const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export interface ArticleOptions {
  authorId: string;
  status?: string;
  title?: string;
  summary?: string;
  /** Body as plain text (one paragraph)… */
  body?: string;
  /** …or as a stored document (JSON); wins over `body`. */
  bodyJson?: string;
  /** Who has edited the working copy; the author alone by default. */
  editorIds?: string[];
}

/** An article by `authorId` with a working copy and no revision yet. */
export async function makeArticle(db: DbTx, options: ArticleOptions) {
  const id = uniqueSuffix();
  return db.article.create({
    data: {
      slug: `article-${id}`,
      status: options.status ?? "DRAFT",
      createdById: options.authorId,
      authors: { create: [{ userId: options.authorId }] },
      draft: {
        create: {
          title: options.title ?? `Article ${id}`,
          summary: options.summary ?? "A summary.",
          bodyJson: options.bodyJson ?? doc(options.body ?? "Body text."),
          editorIds: JSON.stringify(options.editorIds ?? [options.authorId]),
        },
      },
    },
  });
}

export interface RevisionOptions {
  articleId: string;
  authorId: string;
  /** Replaces the contributor list when given (e.g. to make a reviewer an editor of the revision). */
  contributors?: string[];
  changeSummary?: string;
}

/** Freezes the working copy (through the editor's freezeRevision) and makes it current. */
export async function makeRevision(db: DbTx, options: RevisionOptions) {
  const rev = await freezeRevision(db, {
    articleId: options.articleId,
    actorId: options.authorId,
    changeSummary: options.changeSummary ?? "First version",
  });
  if (options.contributors) {
    await db.revisionContributor.deleteMany({ where: { revisionId: rev.id } });
    for (const userId of new Set(options.contributors))
      await db.revisionContributor.create({ data: { revisionId: rev.id, userId } });
  }
  return rev;
}

export interface ApprovalOptions {
  revisionId: string;
  reviewerId: string;
  credentialId?: string | null;
  /** The stored credential snapshot (JSON); empty by default. */
  credentialSnapshot?: string;
}

/** An APPROVED review of the revision, written directly. */
export async function makeApproval(db: DbTx, options: ApprovalOptions) {
  const rev = await db.revision.findUniqueOrThrow({ where: { id: options.revisionId } });
  return db.review.create({
    data: {
      revisionId: options.revisionId,
      reviewerId: options.reviewerId,
      credentialId: options.credentialId ?? null,
      decision: "APPROVED",
      statement: "I approve.",
      contentHash: rev.contentHash,
      credentialSnapshot: options.credentialSnapshot ?? "{}",
    },
  });
}

export interface PublicationHistoryOptions {
  authorId: string;
  /** How many frozen revisions (1 by default)… */
  revisions?: number;
  /** …of which the first this many were published (1 by default); the last of those is live. */
  publishedCount?: number;
  title?: string;
}

/**
 * A publication history written as rows (frozen revisions and publications, no working copy, placeholder bodies),
 * for tests of what is recorded about publications (feedback per revision, backups, rebuilds). An article published
 * through the real workflow (gate, approval, rendered page) is makePublishedArticle in ./publish-fixtures.ts.
 */
export async function makePublicationHistory(db: DbTx, options: PublicationHistoryOptions) {
  const { authorId } = options;
  const id = uniqueSuffix();
  const revisions = options.revisions ?? 1;
  const publishedCount = options.publishedCount ?? 1;
  const article = await db.article.create({ data: { slug: `article-${id}`, createdById: authorId } });
  const revs = [];
  for (let n = 1; n <= revisions; n++) {
    revs.push(
      await db.revision.create({
        data: {
          articleId: article.id,
          number: n,
          title: options.title ?? `Article ${id}`,
          summary: "s",
          bodyJson: "{}",
          referencesJson: "[]",
          contentHash: `hash-${id}-${n}`,
          authorId,
        },
      }),
    );
  }
  for (let n = 1; n <= publishedCount; n++) {
    await db.publication.create({
      data: { articleId: article.id, revisionId: revs[n - 1].id, publishedById: authorId },
    });
  }
  const live = publishedCount > 0 ? revs[publishedCount - 1] : null;
  await db.article.update({
    where: { id: article.id },
    data: {
      liveRevisionId: live?.id ?? null,
      status: live ? "PUBLISHED" : "DRAFT",
      currentRevisionId: revs[revs.length - 1]?.id,
    },
  });
  return { article: { ...article, liveRevisionId: live?.id ?? null }, revisions: revs };
}
