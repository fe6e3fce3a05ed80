"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { markRead } from "@/lib/notifications/inbox";
import { formObject } from "../_review/loose";

export const markReadAction = action(
  { name: "markRead", permission: "studio.access", schema: formObject },
  async (input, actor) => {
    const n = await markRead(db, actor.id, String(input.id ?? ""));
    revalidatePath("/studio/inbox");
    return { marked: n };
  },
);
