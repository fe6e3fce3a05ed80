// GET: the suggested edits on an article (open ones first), for the editor's "Suggested edits" panel.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { listSuggestions } from "@/lib/review/suggested-edits";
import { authedRoute } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>("studio.access", "suggestions.list", async (_request, actor, { params }) => {
  const { id } = await params;
  const suggestions = await listSuggestions(db, actor, id);
  return NextResponse.json({ suggestions }, { headers: { "Cache-Control": "no-store" } });
});
