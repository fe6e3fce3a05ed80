"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { addDictionaryWord, removeDictionaryWord } from "@/lib/checks/dictionary";

export const addWordAction = action(
  { name: "addDictionaryWord", permission: "dictionary.manage", schema: z.object({ word: z.string().default("") }) },
  async (input, actor) => {
    const row = await addDictionaryWord(db, actor.id, input);
    revalidatePath("/studio/dictionary");
    return { word: row.word };
  },
);

export const removeWordAction = action(
  { name: "removeDictionaryWord", permission: "dictionary.manage", schema: z.object({ word: z.string().min(1) }) },
  async (input, actor) => {
    await removeDictionaryWord(db, actor.id, input);
    revalidatePath("/studio/dictionary");
    return { word: input.word };
  },
);
