import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { updateAlternativeNames } from "@/lib/articles/update-alternative-names";
import { authedRoute, readJson } from "@/app/_server/route";

type Ctx = { params: Promise<{ id: string }> };

export const PUT = authedRoute<Ctx>(
  "studio.access",
  "article.alternative-names",
  async (request, actor, { params }) => {
    const { id } = await params;
    const result = await updateAlternativeNames(db, actor, id, await readJson(request, 8 * 1024));
    return NextResponse.json(result);
  },
);
