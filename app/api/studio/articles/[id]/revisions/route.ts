// "Save revision" from the editor: freezes the working copy as a checkpoint revision.
import { NextResponse } from "next/server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { saveRevision, saveRevisionSchema } from "@/lib/revisions/save-revision";
import { authedJsonRoute } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const POST = authedJsonRoute(
  {
    permission: "studio.access",
    name: "revision.save",
    schema: saveRevisionSchema,
    maxBytes: 16 * 1024,
    fromUrl: async ({ params }: Ctx) => ({ articleId: (await params).id }),
  },
  async (input, actor) => {
    const revision = await saveRevision(db, actor, input);
    revalidatePath(`/studio/articles/${input.articleId}/history`);
    return NextResponse.json(
      { id: revision.id, number: revision.number, contentHash: revision.contentHash },
      { status: 201 },
    );
  },
);
