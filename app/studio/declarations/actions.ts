"use server";
// A person's declaration of interests: a thin wrapper over lib/declarations/save-declaration (audited; the
// profile pages that list it are expired through the result's readerChange).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { declarationFormSchema, saveDeclaration } from "@/lib/declarations/save-declaration";

export const saveDeclarationAction = action(
  { name: "saveDeclaration", permission: "declarations.own", schema: declarationFormSchema },
  async (input, actor) => {
    const { readerChange } = await saveDeclaration(db, actor, input);
    revalidatePath("/studio/declarations");
    revalidatePath("/studio");
    return { saved: true, readerChange };
  },
);
