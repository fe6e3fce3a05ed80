// The co-editing server process (see lib/collab/collab-server.ts). `npm start` and `start:demo` run it beside
// the app; COLLAB_PORT picks its port (default: the app's port + 1) and COLLAB_HOST its address
// (default 127.0.0.1). With COLLAB_REDIS_URL (redis://HOST:PORT) several of these processes, "nodes", share
// their documents (lib/collab/collab-nodes.ts); COLLAB_NODE_ID names this one there (default: random per start),
// COLLAB_LEASE_MS is how long a crashed node keeps storing rights over its documents (default 3000).
import { getSchema } from "@tiptap/core";
import { db } from "../lib/db/client";
import { createCollabServer } from "../lib/collab/collab-server";
import { bodySchemaExtensions } from "../app/studio/articles/_editor/body-schema";
import { reportHeapOnSignal } from "../lib/processes/report-heap-on-signal";

const secret = process.env.NEXTAUTH_SECRET;
if (!secret) {
  console.error("[collab] NEXTAUTH_SECRET is not set: the co-editing server verifies the studio's tickets with it.");
  process.exit(1);
}
const port = Number(process.env.COLLAB_PORT) || (Number(process.env.PORT) || 3000) + 1;
const server = createCollabServer({
  db,
  schema: getSchema(bodySchemaExtensions()),
  secret,
  port,
  // Loopback by default: the app hands browsers' sockets on from its own origin (server.ts).
  host: process.env.COLLAB_HOST || "127.0.0.1",
  log: (m) => console.log(`[collab] ${m}`),
  redis: process.env.COLLAB_REDIS_URL
    ? {
        redisUrl: process.env.COLLAB_REDIS_URL,
        nodeId: process.env.COLLAB_NODE_ID || undefined,
        leaseMs: Number(process.env.COLLAB_LEASE_MS) || undefined,
      }
    : undefined,
});
server
  .listen()
  .then(({ address }) =>
    console.log(
      `[collab] co-editing server on ${address} port ${port}` +
        (server.nodes ? ` (node ${server.nodes.nodeId}, sharing through Redis)` : ""),
    ),
  );
const stop = () => {
  void server.destroy().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
reportHeapOnSignal(); // only under --expose-gc (the soak)
// Started by the app (IPC channel open): stop with it, however it ended.
if (process.send) process.on("disconnect", stop);
