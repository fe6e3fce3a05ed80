// GET /api/v1/articles — published articles for syndication, paged by cursor, filter updated_since.
import { db } from "@/lib/db/client";
import { listArticlesV1 } from "@/lib/api/v1/articles";
import { jsonWithEtag } from "@/lib/api/v1/respond";
import { publicApiRoute } from "../_shared";

export const dynamic = "force-dynamic";

export const GET = publicApiRoute("articles.list", async (request, _ctx: unknown, { origin, headers }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return jsonWithEtag(request, await listArticlesV1(db, query, origin), headers);
});
