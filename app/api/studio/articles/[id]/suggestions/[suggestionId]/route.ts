// POST { decision: "accept" | "reject" }: the writer's decision on one suggested edit. The editor applies an
// accepted replacement to the text and waits until it is stored before calling this (lib/review/suggested-edits.ts).
import { NextResponse } from "next/server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { decideSuggestion, decideSuggestionSchema } from "@/lib/review/suggested-edits";
import { authedJsonRoute } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string; suggestionId: string }> };

export const POST = authedJsonRoute(
  {
    permission: "studio.access",
    name: "suggestion.decide",
    schema: decideSuggestionSchema,
    maxBytes: 4 * 1024,
    fromUrl: async ({ params }: Ctx) => ({ suggestionId: (await params).suggestionId }),
  },
  async (input, actor) => {
    const decided = await decideSuggestion(db, actor, input);
    revalidatePath(`/studio/articles/${decided.articleId}/review`);
    return NextResponse.json({ id: decided.id, status: decided.status });
  },
);
