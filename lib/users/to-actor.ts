// A user row (with its role rows) as the policy sees the person acting. The one place that maps one to the
// other, so the session, scheduled jobs and tests agree on what an actor is.
import type { Actor } from "../auth/policy";

export interface UserWithRoles {
  id: string;
  name: string;
  email: string;
  status: string;
  roles: readonly ({ role: string } | string)[];
}

export function toActor(user: UserWithRoles): Actor {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    status: user.status,
    roles: user.roles.map((r) => (typeof r === "string" ? r : r.role)),
  };
}
