// GET /api/v1/openapi.json — the content API's OpenAPI 3.1 document, generated from its zod schemas.
import { buildOpenApiDocument } from "@/lib/api/v1/openapi";
import { jsonWithEtag } from "@/lib/api/v1/respond";

// Dynamic only so that If-None-Match is read; the document itself is built once per process.
export const dynamic = "force-dynamic";

const document = buildOpenApiDocument();

export function GET(request: Request): Response {
  return jsonWithEtag(request, document, { "Access-Control-Allow-Origin": "*" });
}
