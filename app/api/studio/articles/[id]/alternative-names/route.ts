import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { updateAlternativeNames, updateAlternativeNamesSchema } from "@/lib/articles/update-alternative-names";
import { authedJsonRoute } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const PUT = authedJsonRoute(
  {
    permission: "studio.access",
    name: "article.alternative-names",
    schema: updateAlternativeNamesSchema,
    maxBytes: 8 * 1024,
    invalidMessage: "Please correct the alternative names.",
    fromUrl: async ({ params }: Ctx) => ({ articleId: (await params).id }),
  },
  async (input, actor) => NextResponse.json(await updateAlternativeNames(db, actor, input)),
);
