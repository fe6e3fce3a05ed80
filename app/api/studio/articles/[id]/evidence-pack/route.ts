// The evidence pack of one article (lib/evidence): a ZIP streamed to editors and admins; its SHA-256 is recorded
// in the audit log as it is generated.
import { db } from "@/lib/db/client";
import { authedRoute } from "@/app/_server/route";
import { streamEvidencePack } from "@/lib/evidence/stream-evidence-pack";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>("evidence.read", "evidence-pack", async (_request, actor, { params }) => {
  const { filename, stream } = await streamEvidencePack(db, actor, (await params).id);
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
