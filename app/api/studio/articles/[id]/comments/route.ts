// GET: the article's open review threads, for the editor's margin (lib/review/list-margin-threads.ts).
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { listMarginThreads } from "@/lib/review/list-margin-threads";
import { authedRoute } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>("studio.access", "margin-comments.list", async (_request, actor, { params }) => {
  const { id } = await params;
  const threads = await listMarginThreads(db, actor, id);
  return NextResponse.json({ threads }, { headers: { "Cache-Control": "no-store" } });
});
