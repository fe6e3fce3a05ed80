// Reads for the credential pages.
import type { DbTx } from "../db/client";
import { bestCredential, credentialStanding } from "./credential-standing";

export async function myCredentials(db: DbTx, userId: string) {
  const creds = await db.credential.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    include: { verifiedBy: { select: { name: true } } },
  });
  return { credentials: creds.map((c) => ({ ...c, standing: credentialStanding(c) })), ...bestCredential(creds) };
}

/** Admin queue: pending first, then the rest, most recent first. */
export async function credentialsForAdmin(db: DbTx, filter: "PENDING" | "ALL" = "PENDING") {
  const creds = await db.credential.findMany({
    where: filter === "PENDING" ? { status: "PENDING" } : {},
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    include: { user: { select: { id: true, name: true, email: true } }, verifiedBy: { select: { name: true } } },
  });
  return creds.map((c) => ({ ...c, standing: credentialStanding(c) }));
}
