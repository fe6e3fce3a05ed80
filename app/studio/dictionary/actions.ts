"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import {
  addDictionaryWord,
  addDictionaryWordSchema,
  removeDictionaryWord,
  removeDictionaryWordSchema,
} from "@/lib/checks/dictionary";

export const addWordAction = action(
  { name: "addDictionaryWord", permission: "dictionary.manage", schema: addDictionaryWordSchema },
  async (input, actor) => {
    const row = await addDictionaryWord(db, actor, input);
    revalidatePath("/studio/dictionary");
    return { word: row.word };
  },
);

export const removeWordAction = action(
  { name: "removeDictionaryWord", permission: "dictionary.manage", schema: removeDictionaryWordSchema },
  async (input, actor) => {
    await removeDictionaryWord(db, actor, input);
    revalidatePath("/studio/dictionary");
    return { word: input.word };
  },
);
