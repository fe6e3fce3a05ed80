// A short-lived ticket to join the article's shared document on the co-editing server (lib/collab).
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authedRoute } from "@/app/_server/route";
import { getSessionClaim } from "@/app/_server/session";
import { collabEndpoint, issueCollabTicket } from "@/lib/collab/issue-collab-ticket";

type Ctx = { params: Promise<{ id: string }> };

export const GET = authedRoute<Ctx>("studio.access", "collab.ticket", async (_request, actor, { params }) => {
  const { id } = await params;
  const endpoint = collabEndpoint();
  const secret = process.env.NEXTAUTH_SECRET;
  if (!endpoint || !secret) throw new AppError("NOT_FOUND", "Live co-editing is switched off on this site.");
  const session = await getSessionClaim();
  if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  const ticket = await issueCollabTicket(db, actor, session, id, secret);
  return NextResponse.json({ ...ticket, url: endpoint.url }, { headers: { "Cache-Control": "no-store" } });
});
