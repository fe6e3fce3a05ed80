// The OpenAPI 3.1 description of the content API, generated from the zod schemas in ./schemas.ts, so the
// document served at /api/v1/openapi.json cannot drift from what the handlers return (contract tests check
// real responses against the same schemas).
import { z } from "zod";
import { apiRegistry } from "./schemas";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(ref("Error")) });

const rateLimitHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per window.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in this window.", schema: { type: "integer" } },
};

export function buildOpenApiDocument(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  });
  // Each component is embedded in the document: drop the per-schema $schema/$id the generator adds.
  const components = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      return [name, rest];
    }),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Imprimatur content API",
      version: "1.0.0",
      description:
        "Read-only access to published, medically reviewed articles for syndication. Only the live revision of " +
        "each article is ever returned. Responses carry an ETag; send it back in If-None-Match to get 304 Not " +
        "Modified. Requests are rate-limited per client (429 with Retry-After). Webhooks announce publish, update " +
        "and unpublish events.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/articles": {
        get: {
          operationId: "listArticles",
          summary: "Published articles, oldest update first",
          parameters: [
            {
              name: "limit",
              in: "query",
              schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
            },
            {
              name: "cursor",
              in: "query",
              schema: { type: "string" },
              description: "nextCursor of the previous page.",
            },
            {
              name: "updated_since",
              in: "query",
              schema: { type: "string", format: "date-time" },
              description: "Only articles whose live revision was published at or after this time.",
            },
          ],
          responses: {
            "200": { description: "A page of articles.", headers: rateLimitHeaders, content: json(ref("ArticleList")) },
            "304": { description: "Not modified (If-None-Match matched the ETag)." },
            "400": error("A query parameter is not valid."),
            "429": error("Too many requests; see Retry-After."),
          },
        },
      },
      "/api/v1/articles/{slug}": {
        get: {
          operationId: "getArticle",
          summary: "One published article, structured",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The live revision.", headers: rateLimitHeaders, content: json(ref("Article")) },
            "304": { description: "Not modified (If-None-Match matched the ETag)." },
            "404": error("No published article has that slug."),
            "429": error("Too many requests; see Retry-After."),
          },
        },
      },
    },
    components: { schemas: components },
  };
}
