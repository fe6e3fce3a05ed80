"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { credentialInputSchema, saveCredential } from "@/lib/credentials/save-credential";

export const saveCredentialAction = action(
  { name: "saveCredential", permission: "credential.manage.own", schema: credentialInputSchema },
  async (input, actor) => {
    const c = await saveCredential(db, actor, input);
    revalidatePath("/studio/credential");
    return { status: c.status };
  },
);
