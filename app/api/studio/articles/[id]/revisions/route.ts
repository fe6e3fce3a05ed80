// "Save revision" from the editor: freezes the working copy as a checkpoint revision.
import { NextResponse } from "next/server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { saveRevision } from "@/lib/revisions/save-revision";
import { authedRoute, readJson } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const POST = authedRoute<Ctx>("studio.access", "revision.save", async (request, actor, { params }) => {
  const { id } = await params;
  const input = (await readJson(request, 16 * 1024)) as Record<string, unknown>;
  const revision = await saveRevision(db, actor, { changeSummary: String(input?.changeSummary ?? ""), articleId: id });
  revalidatePath(`/studio/articles/${id}/history`);
  return NextResponse.json(
    { id: revision.id, number: revision.number, contentHash: revision.contentHash },
    { status: 201 },
  );
});
