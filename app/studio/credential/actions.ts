"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { saveCredential } from "@/lib/credentials/save-credential";
import { formObject } from "../_review/loose";

export const saveCredentialAction = action(
  { name: "saveCredential", permission: "credential.manage.own", schema: formObject },
  async (input, actor) => {
    const c = await saveCredential(db, actor, input);
    revalidatePath("/studio/credential");
    return { status: c.status };
  },
);
