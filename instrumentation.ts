// Runs once when a Next server starts. Starts the scheduled-publication timer (see
// app/studio/_review/scheduler.ts for why publications fire on time across restarts). Not during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startPublishScheduler } = await import("./app/studio/_review/scheduler");
  startPublishScheduler();
}
