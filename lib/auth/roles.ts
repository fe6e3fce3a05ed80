export const ROLES = ["WRITER", "REVIEWER", "EDITOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  WRITER: "Writer",
  REVIEWER: "Medical reviewer",
  EDITOR: "Editor",
  ADMIN: "Admin",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
