// Studio navigation, declarative: an entry shows only to people whose roles grant its permission. Hiding a
// link is a courtesy; every page still checks the permission itself (requirePermission).
// The top bar fits one row at 1366 px for every role (all four roles make 17 entries): the sections people work
// in are links in the bar, the administration pages sit under one "Admin" menu, and the person's own pages
// (account, credential) under their name.
import type { Permission } from "@/lib/auth/policy";

/** Where an entry shows: in the bar (no group), under "Admin", or under the person's name. */
export type NavGroup = "admin" | "you";

export interface NavEntry {
  href: string;
  label: string;
  permission: Permission;
  /** Show the signed-in person's unread notification count next to the label. */
  showsUnread?: boolean;
  group?: NavGroup;
}

export const STUDIO_NAV: NavEntry[] = [
  { href: "/studio", label: "Dashboard", permission: "studio.access" },
  { href: "/studio/articles", label: "Articles", permission: "studio.access" },
  { href: "/studio/inbox", label: "Inbox", permission: "studio.access", showsUnread: true },
  { href: "/studio/calendar", label: "Calendar", permission: "studio.access" },
  { href: "/studio/credential", label: "Your credential", group: "you", permission: "credential.manage.own" },
  { href: "/studio/feedback", label: "Feedback", permission: "feedback.triage" },
  { href: "/studio/media", label: "Media", permission: "media.library" },
  { href: "/studio/checks", label: "Checks", permission: "checks.run" },
  { href: "/studio/corpus", label: "Corpus", permission: "corpus.manage" },
  { href: "/studio/dictionary", label: "Dictionary", permission: "dictionary.manage" },
  { href: "/studio/admin/users", label: "Users", group: "admin", permission: "users.manage" },
  { href: "/studio/admin/credentials", label: "Credentials", group: "admin", permission: "credentials.verify" },
  { href: "/studio/admin/settings", label: "Policies", group: "admin", permission: "settings.manage" },
  { href: "/studio/admin/audit", label: "Audit log", group: "admin", permission: "audit.read" },
  { href: "/studio/admin/outbox", label: "Outbox", group: "admin", permission: "outbox.read" },
  { href: "/studio/admin/webhooks", label: "Webhooks", group: "admin", permission: "webhooks.manage" },
  { href: "/studio/declarations", label: "Your declarations", group: "you", permission: "declarations.own" },
  { href: "/account", label: "Your account", group: "you", permission: "account.self" },
];
