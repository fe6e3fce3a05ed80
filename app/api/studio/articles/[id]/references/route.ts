// References of an article's working copy: GET lists, POST creates (field errors on bad input).
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { createReference, listReferences } from "@/lib/references/manage-references";
import { assertCanReadArticle } from "@/lib/articles/article-access";
import { toEditorReference } from "@/lib/drafts/load-editor-state";
import { authedJsonRoute, authedRoute } from "@/app/_server/route";
import { referenceInputSchema } from "@/lib/references/reference-schema";

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>("studio.access", "references.list", async (_request, actor, { params }) => {
  const { id } = await params;
  await assertCanReadArticle(db, actor, id);
  return NextResponse.json({ references: (await listReferences(db, id)).map(toEditorReference) });
});

export const POST = authedJsonRoute(
  {
    permission: "studio.access",
    name: "references.create",
    schema: referenceInputSchema,
    maxBytes: 64 * 1024,
    invalidMessage: "The reference could not be saved: please correct the highlighted fields.",
  },
  async (input, actor, { params }: Ctx) => {
    const { id } = await params;
    const reference = await createReference(db, actor, id, input);
    return NextResponse.json(
      { reference: toEditorReference(reference), references: (await listReferences(db, id)).map(toEditorReference) },
      { status: 201 },
    );
  },
);
