// The content API's handler wrapper: public (no session), rate-limited per client, errors as JSON with a code.
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { getClientHashSecret, hashClient } from "@/lib/feedback/client-hash";
import { limitClient, rateLimitHeaders } from "@/lib/api/v1/respond";
import { siteUrl } from "@/lib/public/site";
import { jsonError } from "@/app/_server/route";

export function publicApiRoute<C>(
  name: string,
  handler: (
    request: Request,
    context: C,
    api: { origin: string; headers: Record<string, string> },
  ) => Promise<Response>,
) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      // The client's address is only ever used hashed (the same daily-salted hash reader feedback uses).
      const key = hashClient(await getClientHashSecret(db), clientAddress(request.headers));
      const decision = await limitClient(db, key);
      return await handler(request, context, { origin: siteUrl(), headers: rateLimitHeaders(decision) });
    } catch (err) {
      const response = jsonError(err, `api ${name}`);
      response.headers.set("Cache-Control", "no-store");
      return response;
    }
  };
}
