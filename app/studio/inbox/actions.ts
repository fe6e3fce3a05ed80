"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { markRead, markReadSchema } from "@/lib/notifications/inbox";

export const markReadAction = action(
  { name: "markRead", permission: "studio.access", schema: markReadSchema },
  async (input, actor) => {
    const n = await markRead(db, actor, input);
    revalidatePath("/studio/inbox");
    return { marked: n };
  },
);
