// Liveness: the process is up and answering. Touches nothing else (a database outage must not get a healthy
// process restarted); /readyz reports on the database. Public, no session.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
