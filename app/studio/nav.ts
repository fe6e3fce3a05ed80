// Studio navigation, declarative: an entry shows only to people whose roles grant its permission. Hiding a
// link is a courtesy; every page still checks the permission itself (requirePermission).
import type { Permission } from "@/lib/auth/policy";

export interface NavEntry {
  href: string;
  label: string;
  permission: Permission;
  /** Show the signed-in person's unread notification count next to the label. */
  showsUnread?: boolean;
}

export const STUDIO_NAV: NavEntry[] = [
  { href: "/studio", label: "Dashboard", permission: "studio.access" },
  { href: "/studio/articles", label: "Articles", permission: "studio.access" },
  { href: "/studio/inbox", label: "Inbox", permission: "studio.access", showsUnread: true },
  { href: "/studio/calendar", label: "Calendar", permission: "studio.access" },
  { href: "/studio/credential", label: "Your credential", permission: "credential.manage.own" },
  { href: "/studio/feedback", label: "Feedback", permission: "feedback.triage" },
  { href: "/studio/media", label: "Media", permission: "media.library" },
  { href: "/studio/checks", label: "Checks", permission: "checks.run" },
  { href: "/studio/corpus", label: "Corpus", permission: "corpus.manage" },
  { href: "/studio/dictionary", label: "Dictionary", permission: "dictionary.manage" },
  { href: "/studio/admin/users", label: "Users", permission: "users.manage" },
  { href: "/studio/admin/credentials", label: "Credentials", permission: "credentials.verify" },
  { href: "/studio/admin/settings", label: "Policies", permission: "settings.manage" },
  { href: "/studio/admin/audit", label: "Audit log", permission: "audit.read" },
  { href: "/studio/admin/outbox", label: "Outbox", permission: "outbox.read" },
  { href: "/studio/admin/webhooks", label: "Webhooks", permission: "webhooks.manage" },
  { href: "/account", label: "Your account", permission: "account.self" },
];
