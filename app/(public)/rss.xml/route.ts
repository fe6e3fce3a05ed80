// /rss.xml: the 50 most recently published or updated articles in the default language (RSS 2.0); the Spanish
// feed is /es/rss.xml.
import { rssResponse } from "../_views/rss-response";

export async function GET(): Promise<Response> {
  return rssResponse("en");
}
