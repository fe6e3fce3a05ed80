// Runs once when a Next server starts, not during `next build`:
// - stamps every request with its socket address, the base of per-client limits (lib/http/client-address.ts);
// - starts the scheduled-publication timer (see app/studio/_review/scheduler.ts for why publications fire on
//   time across restarts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { installSocketAddressStamp } = await import("./lib/http/stamp-socket-address");
  installSocketAddressStamp();
  const { startPublishScheduler } = await import("./app/studio/_review/scheduler");
  startPublishScheduler();
}
