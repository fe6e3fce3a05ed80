// Readiness: every dependency this process needs answers (lib/health/check-dependencies.ts): the database
// (reachable, every committed migration applied), Redis when co-editing nodes share documents through it, the
// object store when media live in one. 200 when ready, 503 naming the failing dependency otherwise, so a load
// balancer only routes to processes that can serve. Public, no session; no connection details in the body.
import { db } from "@/lib/db/client";
import { checkDependencies, collabRedisUrl } from "@/lib/health/check-dependencies";
import { mediaStorage } from "@/lib/media/open-storage";
import type { MediaStorage } from "@/lib/media/storage";

/** The media store, or one whose ping says its settings are wrong (storage-config.ts names them in the log). */
async function mediaStore(): Promise<Pick<MediaStorage, "ping">> {
  try {
    return await mediaStorage();
  } catch (err) {
    console.error("[readyz]", err instanceof Error ? err.message : err);
    return { ping: () => Promise.reject(new Error("media store settings are incomplete")) };
  }
}

export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, failing, ...rest } = await checkDependencies({
    db,
    media: await mediaStore(),
    redisUrl: collabRedisUrl(),
  });
  return Response.json(
    {
      status: ready ? "ready" : "not-ready",
      ...(ready ? {} : { failing, problem: failing.map((name) => `${name}: ${rest.checks[name]}`).join("; ") }),
      ...rest,
    },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
