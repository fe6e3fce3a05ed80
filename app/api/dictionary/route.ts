// POST /api/dictionary {word} — an editor accepts a word for the spelling check from the live checks panel.
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/app/_server/route";
import { addDictionaryWord } from "@/lib/checks/dictionary";
import { db } from "@/lib/db/client";

export const POST = authedRoute("dictionary.manage", "dictionary", async (request, actor) => {
  const body = (await readJson(request, 4 * 1024)) as { word?: unknown };
  const row = await addDictionaryWord(db, actor.id, { word: typeof body?.word === "string" ? body.word : "" });
  return NextResponse.json({ word: row.word }, { status: 201 });
});
