// GET: the article workspace's header for the person asking (state, who holds it, their next step and what it
// needs). The header re-reads it after the editor saves, so "Submit needs: …" follows the text being written.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { loadWorkspace } from "@/lib/workspace/load-workspace";
import { authedRoute } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>("studio.access", "workspace.load", async (_request, actor, { params }) => {
  const { id } = await params;
  const workspace = await loadWorkspace(db, actor, id);
  return NextResponse.json(workspace, { headers: { "Cache-Control": "no-store" } });
});
