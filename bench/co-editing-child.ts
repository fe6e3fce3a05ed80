// A process of the co-editing benchmark (bench/co-editing.ts), started with `node --expose-gc --import tsx`:
//   server <port>              the co-editing server exactly as scripts/collab-server.ts builds it (DATABASE_URL,
//                              NEXTAUTH_SECRET from the environment); answers "memory" over IPC after a full GC
//   proxy <port> <collabPort>  an HTTP server that hands /collab upgrades on, as server.ts does in the app
import http from "node:http";
import { getSchema } from "@tiptap/core";

const [role, port, collabPort] = process.argv.slice(2);

async function main() {
  if (role === "proxy") {
    const { isCollabUpgrade, proxyUpgrade } = await import("../lib/collab/proxy-upgrade");
    const server = http.createServer((_req, res) => res.end());
    server.on("upgrade", (req, socket, head) => {
      if (isCollabUpgrade(req)) proxyUpgrade(req, socket, head, Number(collabPort));
      else socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(Number(port), "127.0.0.1", resolve));
  } else {
    const { db } = await import("../lib/db/client");
    const { createCollabServer } = await import("../lib/collab/collab-server");
    const { bodySchemaExtensions } = await import("../app/studio/articles/_editor/body-schema");
    const server = createCollabServer({
      db,
      schema: getSchema(bodySchemaExtensions()),
      secret: process.env.NEXTAUTH_SECRET!,
      port: Number(port),
      // One of several nodes sharing documents through Redis (bench:co-editing's cross-node row).
      redis: process.env.COLLAB_REDIS_URL
        ? { redisUrl: process.env.COLLAB_REDIS_URL, nodeId: process.env.COLLAB_NODE_ID }
        : undefined,
    });
    await server.listen();
    process.on("message", (message) => {
      if (message !== "memory") return;
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      const m = process.memoryUsage();
      process.send!({ heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers });
    });
  }
  process.send!("ready");
  process.on("disconnect", () => process.exit(0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
