// CSV export of the content list's current view: the same URL parameters as /studio/articles.
import { db } from "@/lib/db/client";
import { authedRoute } from "@/app/_server/route";
import { listContentForExport, parseContentListQuery } from "@/lib/article-list/content-list";
import { contentCsv } from "@/lib/article-list/content-csv";

export const GET = authedRoute("studio.access", "contentExport", async (request, actor) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const rows = await listContentForExport(db, actor, parseContentListQuery(params));
  return new Response(contentCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="articles-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
