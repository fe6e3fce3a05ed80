// POST /api/checks — runs the content checks on the content in the request (the editor's unsaved working
// copy) and returns the findings. Nothing is stored: stored runs come from submitting (afterRevisionFrozen).
import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/app/_server/route";
import { checkContent } from "@/lib/checks/check-content";
import { checkInputSchema, MAX_CHECK_BODY_BYTES } from "@/lib/checks/check-input-schema";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";

export const POST = authedRoute("checks.run", "checks", async (request) => {
  const input = parseInput(checkInputSchema, await readJson(request, MAX_CHECK_BODY_BYTES));
  const result = await checkContent(db, input);
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
});
