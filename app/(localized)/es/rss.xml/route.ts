// /es/rss.xml: the Spanish articles' feed.
import { rssResponse } from "@/app/(public)/_views/rss-response";

export async function GET(): Promise<Response> {
  return rssResponse("es");
}
