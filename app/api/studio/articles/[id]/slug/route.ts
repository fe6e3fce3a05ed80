import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { updateSlug } from "@/lib/articles/update-slug";
import { authedRoute, readJson } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const PUT = authedRoute<Ctx>("studio.access", "article.slug", async (request, actor, { params }) => {
  const { id } = await params;
  const input = (await readJson(request, 4 * 1024)) as Record<string, unknown>;
  const article = await updateSlug(db, actor, id, input?.slug);
  return NextResponse.json({ slug: article.slug });
});
