"use server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { regenerateCalendarToken } from "@/lib/calendar/calendar-token";
import { siteUrl } from "@/lib/public/site";

export const regenerateFeedAction = action(
  { name: "regenerateCalendarFeed", permission: "studio.access", schema: z.object({}) },
  async (_input, actor) => {
    const token = await regenerateCalendarToken(db, actor);
    return { url: `${siteUrl()}/api/calendar/${token}.ics` };
  },
);
