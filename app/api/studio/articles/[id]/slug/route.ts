// PUT { slug } — renames an article's public address (until it is first published).
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { updateSlug, updateSlugSchema } from "@/lib/articles/update-slug";
import { authedJsonRoute } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const PUT = authedJsonRoute(
  {
    permission: "studio.access",
    name: "article.slug",
    schema: updateSlugSchema,
    maxBytes: 4 * 1024,
    invalidMessage: "Please correct the slug.",
    fromUrl: async ({ params }: Ctx) => ({ articleId: (await params).id }),
  },
  async (input, actor) => {
    const article = await updateSlug(db, actor, input);
    return NextResponse.json({ slug: article.slug });
  },
);
