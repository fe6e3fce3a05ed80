// One reference: PUT updates it; DELETE removes it, answering 409 with details.citedIn when the text cites it
// and the request does not carry ?confirm=1 (the editor asks the writer first).
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { deleteReference, listReferences, updateReference } from "@/lib/references/manage-references";
import { toEditorReference } from "@/lib/drafts/load-editor-state";
import { authedRoute, readJson } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string; refId: string }> };

export const PUT = authedRoute<Ctx>("studio.access", "references.update", async (request, actor, { params }) => {
  const { id, refId } = await params;
  const input = await readJson(request, 64 * 1024);
  const reference = await updateReference(db, actor, id, refId, (input ?? {}) as never);
  return NextResponse.json({
    reference: toEditorReference(reference),
    references: (await listReferences(db, id)).map(toEditorReference),
  });
});

export const DELETE = authedRoute<Ctx>("studio.access", "references.delete", async (request, actor, { params }) => {
  const { id, refId } = await params;
  const confirm = new URL(request.url).searchParams.get("confirm") === "1";
  const result = await deleteReference(db, actor, id, refId, { confirm });
  return NextResponse.json({ ...result, references: (await listReferences(db, id)).map(toEditorReference) });
});
