// POST /api/dictionary {word} — an editor accepts a word for the spelling check from the live checks panel.
import { NextResponse } from "next/server";
import { authedJsonRoute } from "@/app/_server/route";
import { addDictionaryWord, addDictionaryWordSchema } from "@/lib/checks/dictionary";
import { db } from "@/lib/db/client";

export const POST = authedJsonRoute(
  { permission: "dictionary.manage", name: "dictionary", schema: addDictionaryWordSchema, maxBytes: 4 * 1024 },
  async (input, actor) => {
    const row = await addDictionaryWord(db, actor, input);
    return NextResponse.json({ word: row.word }, { status: 201 });
  },
);
