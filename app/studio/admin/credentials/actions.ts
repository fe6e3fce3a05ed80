"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { decideCredential, decideCredentialSchema } from "@/lib/credentials/decide-credential";
import { sendQueuedMail } from "@/app/_server/after-commit";

export const decideCredentialAction = action(
  { name: "decideCredential", permission: "credentials.verify", schema: decideCredentialSchema },
  async (input, actor) => {
    const c = await decideCredential(db, actor, input);
    revalidatePath("/studio/admin/credentials");
    sendQueuedMail();
    return { status: c.status };
  },
);
