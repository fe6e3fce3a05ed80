// Autosave endpoint of the studio editor. PUT { baseVersion, title, summary, conditionName, body }.
// 200 { version, savedAt, changed }; 409 with error.details.current on a stale base version; 400/413 for a
// refused body (the stored draft is untouched); GET returns the current working copy.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { MAX_BODY_BYTES } from "@/lib/content/document-schema";
import { saveDraft, saveDraftSchema } from "@/lib/drafts/save-draft";
import { loadEditorState } from "@/lib/drafts/load-editor-state";
import { authedJsonRoute, authedRoute } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

// The body itself may be 2 MB; the envelope (title, summary, JSON punctuation) gets a little room on top.
const MAX_REQUEST_BYTES = MAX_BODY_BYTES + 64 * 1024;

export const PUT = authedJsonRoute(
  {
    permission: "studio.access",
    name: "draft.save",
    schema: saveDraftSchema,
    maxBytes: MAX_REQUEST_BYTES,
    invalidMessage: "The draft could not be saved: please correct the highlighted fields.",
    fromUrl: async ({ params }: Ctx) => ({ articleId: (await params).id }),
  },
  async (input, actor) => {
    const result = await saveDraft(db, actor, input);
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  },
);

export const GET = authedRoute<Ctx>("studio.access", "draft.load", async (_request, actor, { params }) => {
  const { id } = await params;
  const state = await loadEditorState(db, actor, id);
  return NextResponse.json(state, { headers: { "Cache-Control": "no-store" } });
});
