// Readiness: the database is reachable and every committed migration is applied (lib/db/readiness.ts).
// 200 when ready, 503 otherwise, so a proxy or load balancer only routes to processes that can serve. Public,
// no session; the body names the problem without connection details.
import { db } from "@/lib/db/client";
import { checkReadiness } from "@/lib/db/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness(db);
  const { ready, ...rest } = readiness;
  return Response.json(
    { status: ready ? "ready" : "not-ready", ...rest },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
