// The admin's list of people: everyone, or those whose name or e-mail contains what was typed (any case),
// active ones first, then by name.
import { z } from "zod";
import type { DbTx } from "../db/client";
import { dialectFor } from "../db/dialects/dialect";

export const userSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
});

export async function listUsers(db: DbTx, params: unknown) {
  const { q } = userSearchSchema.parse(params ?? {});
  const { containsIgnoringCase } = dialectFor(db);
  const users = await db.user.findMany({
    where: q ? { OR: [{ name: containsIgnoringCase(q) }, { email: containsIgnoringCase(q) }] } : {},
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      passwordHash: true,
      totpEnabledAt: true,
      roles: { select: { role: true } },
    },
  });
  return { q, users };
}
