// POST /api/references/lookup {identifier} — fills a reference's fields from a DOI, a PMID or a doi.org /
// PubMed address (lib/sources/reference-lookup.ts; answers cached in the database).
import { NextResponse } from "next/server";
import { z } from "zod";
import { authedRoute, readJson } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { httpReferenceLookup, lookupReference } from "@/lib/sources/reference-lookup";
import { parseInput } from "@/lib/validation";

const lookupInput = z.object({
  identifier: z
    .string({ error: "Paste a DOI, PMID or address." })
    .trim()
    .min(1, "Paste a DOI, PMID or address.")
    .max(500, "That is too long for a DOI or PMID."),
});

export const POST = authedRoute("checks.run", "reference-lookup", async (request) => {
  const input = parseInput(lookupInput, await readJson(request, 4_096));
  const { fields, identifier } = await lookupReference(db, httpReferenceLookup(), input.identifier);
  return NextResponse.json({ identifier, fields }, { headers: { "Cache-Control": "no-store" } });
});
