// GET /api/v1/articles/{slug} — the live revision of one published article as structured JSON.
import { db } from "@/lib/db/client";
import { getArticleV1 } from "@/lib/api/v1/articles";
import { jsonWithEtag } from "@/lib/api/v1/respond";
import { publicApiRoute } from "../../_shared";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

export const GET = publicApiRoute<Ctx>("articles.get", async (request, { params }, { origin, headers }) => {
  const { slug } = await params;
  return jsonWithEtag(request, await getArticleV1(db, slug, origin), headers);
});
