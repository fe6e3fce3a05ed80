"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { decideCredential } from "@/lib/credentials/verify-credential";
import { formObject } from "../../_review/loose";
import { sendQueuedMail } from "../../_review/after-commit";

export const decideCredentialAction = action(
  { name: "decideCredential", permission: "credentials.verify", schema: formObject },
  async (input, actor) => {
    const c = await decideCredential(db, actor, input);
    revalidatePath("/studio/admin/credentials");
    sendQueuedMail();
    return { status: c.status };
  },
);
