// Liveness: the process is up and answering, with the release it runs (package.json version) and the newest
// migration applied to its database. The database read is cached and bounded (lib/release/release-status.ts):
// a database outage must not get a healthy process restarted, so it never makes this fail; /readyz reports on
// the database. Public, no session.
import { db } from "@/lib/db/client";
import { releaseStatus } from "@/lib/release/release-status";

export const dynamic = "force-dynamic";

export async function GET() {
  const release = await releaseStatus(db);
  return Response.json({ status: "ok", ...release }, { headers: { "Cache-Control": "no-store" } });
}
