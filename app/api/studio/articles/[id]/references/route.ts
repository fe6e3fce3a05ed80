// References of an article's working copy: GET lists, POST creates (field errors on bad input).
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { createReference, listReferences } from "@/lib/references/manage-references";
import { assertCanReadArticle } from "@/lib/articles/article-access";
import { toEditorReference } from "@/lib/drafts/load-editor-state";
import { authedRoute, readJson } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>("studio.access", "references.list", async (_request, actor, { params }) => {
  const { id } = await params;
  await assertCanReadArticle(db, actor, id);
  return NextResponse.json({ references: (await listReferences(db, id)).map(toEditorReference) });
});

export const POST = authedRoute<Ctx>("studio.access", "references.create", async (request, actor, { params }) => {
  const { id } = await params;
  const input = await readJson(request, 64 * 1024);
  const reference = await createReference(db, actor, id, (input ?? {}) as never);
  return NextResponse.json(
    { reference: toEditorReference(reference), references: (await listReferences(db, id)).map(toEditorReference) },
    { status: 201 },
  );
});
