// Runs once when a Next server starts, not during `next build`:
// - stamps every request with its socket address, the base of per-client limits (lib/http/client-address.ts);
// - starts the scheduled-publication timer (see lib/processes/publish-scheduler.ts for why publications fire on
//   time across restarts);
// - starts the weekly source-check worker (links and retraction notices of live articles);
// - starts the worker that makes image variants (lib/media/media-worker.ts; its jobs live in the database);
// - starts the webhook delivery worker (lib/webhooks/worker.ts), which sends queued events after commit;
// - starts the worker that mails password reset links for queued requests (lib/accounts/reset-request-worker.ts);
// - starts the rebuild worker (lib/rebuilds/): derived indexes a migration emptied or a restore left short (the
//   plagiarism fingerprints, the site search) are rebuilt by a queued job, one process at a time, with progress
//   in the log and on the dashboard;
// - starts the co-editing server beside the app (lib/processes/collab-process.ts);
// - runs the after-migration steps of an upgrade (lib/release/after-migrations.ts: the audit chain brought to
//   the current format; the rebuild worker queues the index rebuilds), for a database migrated without
//   db:deploy's own run of them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { installSocketAddressStamp } = await import("./lib/http/stamp-socket-address");
  installSocketAddressStamp();
  const { startPublishScheduler } = await import("./lib/processes/publish-scheduler");
  startPublishScheduler();
  // Weekly link and retraction checks of live articles (a database job queue; lib/sources/).
  const [{ db }, { startSourceCheckWorker }, { httpReferenceLookup }] = await Promise.all([
    import("./lib/db/client"),
    import("./lib/sources/source-check-jobs"),
    import("./lib/sources/reference-lookup"),
  ]);
  startSourceCheckWorker(db, () => httpReferenceLookup());
  const { startMediaWorker } = await import("./lib/media/media-worker");
  startMediaWorker();
  const { startWebhookWorker } = await import("./lib/webhooks/worker");
  startWebhookWorker(db);
  const { startPasswordResetWorker } = await import("./lib/accounts/reset-request-worker");
  startPasswordResetWorker(db);
  const { startRebuildWorker } = await import("./lib/rebuilds/rebuild-worker");
  startRebuildWorker(db);
  const { startCollabServer } = await import("./lib/processes/collab-process");
  startCollabServer();
  // The other after-migration step, queueing index rebuilds, is the rebuild worker's own start (above).
  const [{ upgradeAuditChain }, { describeAfterMigrations }] = await Promise.all([
    import("./lib/audit/upgrade-chain-format"),
    import("./lib/release/after-migrations"),
  ]);
  void upgradeAuditChain(db)
    .then((chain) => describeAfterMigrations({ chain, rebuilds: [] }).forEach((l) => console.log(`[upgrade] ${l}`)))
    .catch((err) => console.error("[upgrade] audit chain format step failed", err));
}
