// One reference: PUT updates it; DELETE removes it, answering 409 with details.citedIn when the text cites it
// and the request does not carry ?confirm=1 (the editor asks the writer first).
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { deleteReference, listReferences, updateReference } from "@/lib/references/manage-references";
import { toEditorReference } from "@/lib/drafts/load-editor-state";
import { authedJsonRoute, authedRoute } from "@/app/_server/route";
import { referenceInputSchema } from "@/lib/references/reference-schema";

type Ctx = { params: Promise<{ id: string; refId: string }> };

export const PUT = authedJsonRoute(
  {
    permission: "studio.access",
    name: "references.update",
    schema: referenceInputSchema,
    maxBytes: 64 * 1024,
    invalidMessage: "The reference could not be saved: please correct the highlighted fields.",
  },
  async (input, actor, { params }: Ctx) => {
    const { id, refId } = await params;
    const reference = await updateReference(db, actor, id, refId, input);
    return NextResponse.json({
      reference: toEditorReference(reference),
      references: (await listReferences(db, id)).map(toEditorReference),
    });
  },
);

export const DELETE = authedRoute<Ctx>("studio.access", "references.delete", async (request, actor, { params }) => {
  const { id, refId } = await params;
  const confirm = new URL(request.url).searchParams.get("confirm") === "1";
  const result = await deleteReference(db, actor, id, refId, { confirm });
  return NextResponse.json({ ...result, references: (await listReferences(db, id)).map(toEditorReference) });
});
