// Home: every published article, newest change first. Rendered per request (a page without params would be
// prerendered at build, and the build must not need the database), from the cached list: no query per view.
// `connection()`, not `dynamic = "force-dynamic"`: force-dynamic also turns off the data cache
// (unstable_cache is skipped under fetchCache "force-no-store"), which would query the database on every view.
import { connection } from "next/server";
import { HomeView, homeMetadata } from "./_views/home-view";

export const metadata = homeMetadata("en");

export default async function HomePage() {
  await connection();
  return <HomeView locale="en" />;
}
