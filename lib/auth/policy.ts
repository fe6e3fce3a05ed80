// The authorization policy: one declarative map from role to permissions. Fail-closed: a permission not
// listed for any of the actor's roles is refused, an unknown role grants nothing, a disabled account holds
// no permission at all. Rules that depend on the article (own draft, not your own revision) live in the
// domain functions that take the article, and call `can` for the role part.
import { AppError } from "../errors";
import { isRole, type Role } from "./roles";

export const PERMISSIONS = [
  "studio.access",
  "account.self", // one's own password, second factor and sessions
  // articles
  "article.create",
  "article.edit.own", // edit articles one writes (is an author of)
  "article.edit.any", // copy-edit any article (editors)
  "article.read.any", // see every article in the studio, whatever its state
  "article.submit", // submit a draft for review
  "article.publish", // publish, schedule
  "article.unpublish",
  "article.archive",
  "comment.reply", // answer review comments
  // review
  "review.queue",
  "review.decide", // approve / request changes (still needs a verified, unexpired credential)
  "review.comment",
  "review.assign", // assign reviewers, set an article's clinical area and how many approvals it needs
  "credential.manage.own",
  // checks & gate
  "checks.run",
  "gate.override",
  "corpus.manage",
  "dictionary.manage",
  // media (images)
  "media.library", // see the media library and place any image
  "media.upload",
  "media.edit.own", // edit, replace, delete images one uploaded
  "media.edit.any",
  // readers' feedback
  "feedback.triage",
  // administration
  "users.manage",
  "credentials.verify",
  "settings.manage",
  "audit.read",
  "outbox.read",
  "webhooks.manage",
  // declarations of interest and lay review
  "declarations.own", // keep one's own declarations of interest, declare a conflict on an article
  "conflict.override", // let a reviewer with a declared conflict approve one revision (written reason)
  "layreview.invite", // invite a lay reader to read a revision through a single-use link
  // assessors' records: evidence packs and the standards report (editors and admins)
  "evidence.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  WRITER: [
    "studio.access",
    "account.self",
    "article.create",
    "article.edit.own",
    "article.submit",
    "comment.reply",
    "checks.run",
    "media.library",
    "media.upload",
    "media.edit.own",
    "declarations.own",
  ],
  REVIEWER: [
    "studio.access",
    "account.self",
    "article.read.any",
    "review.queue",
    "review.decide",
    "review.comment",
    "credential.manage.own",
    "checks.run",
    "declarations.own",
  ],
  EDITOR: [
    "studio.access",
    "account.self",
    "article.read.any",
    "article.edit.any",
    "article.submit",
    "article.publish",
    "article.unpublish",
    "article.archive",
    "comment.reply",
    "checks.run",
    "review.assign",
    "gate.override",
    "corpus.manage",
    "dictionary.manage",
    "feedback.triage",
    "media.library",
    "media.upload",
    "media.edit.own",
    "media.edit.any",
    "declarations.own",
    "conflict.override",
    "layreview.invite",
    "evidence.read",
  ],
  ADMIN: [
    "studio.access",
    "account.self",
    "article.read.any",
    "users.manage",
    "credentials.verify",
    "settings.manage",
    "audit.read",
    "outbox.read",
    "webhooks.manage",
    "evidence.read",
  ],
};

/** What the policy needs to know about the person acting. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  status: string;
  roles: readonly string[];
  /** Signed in, but their roles require a second factor they have not enrolled yet: only account.self. */
  twoFactorPending?: boolean;
}

/** What a signed-in person whose second factor is still missing may do: enrol it (and manage their account). */
const PENDING_TWO_FACTOR_PERMISSIONS: readonly Permission[] = ["account.self"];

export function permissionsOf(
  actor: Pick<Actor, "status" | "roles" | "twoFactorPending"> | null | undefined,
): Set<Permission> {
  const granted = new Set<Permission>();
  if (!actor || actor.status !== "ACTIVE") return granted;
  if (actor.twoFactorPending) {
    if (actor.roles.some(isRole)) for (const p of PENDING_TWO_FACTOR_PERMISSIONS) granted.add(p);
    return granted;
  }
  for (const role of actor.roles) {
    if (!isRole(role)) continue;
    for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  }
  return granted;
}

export function can(
  actor: Pick<Actor, "status" | "roles" | "twoFactorPending"> | null | undefined,
  permission: Permission,
): boolean {
  return permissionsOf(actor).has(permission);
}

/**
 * Throws UNAUTHENTICATED without an actor, FORBIDDEN without the permission. The refusal names the permission
 * (details.permission): the policy is public, and the authorization test tells a guard's refusal from an
 * article rule's by it.
 */
export function assertCan(
  actor: Actor | null | undefined,
  permission: Permission,
  what = "do this",
): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  if (!can(actor, permission))
    throw new AppError("FORBIDDEN", `Your role does not allow you to ${what}.`, { details: { permission } });
}
