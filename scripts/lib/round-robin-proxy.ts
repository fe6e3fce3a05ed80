// A small round-robin HTTP proxy for running several app processes locally (npm run start:cluster and the
// two-process tests). Production puts any reverse proxy here (see docs/operations.md). Each request goes to the
// next backend in turn; a backend that refuses the connection is skipped for a few seconds, and a request that
// never reached it is retried on the next one (safe: nothing was sent yet). WebSocket upgrades (the editor's
// /collab socket) go to the backends in turn too, byte for byte.
import http from "node:http";
import { nodesInTurn, proxyUpgrade } from "../../lib/collab/proxy-upgrade";

export interface Backend {
  host: string;
  port: number;
}

export interface RoundRobinProxy {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

const DOWN_FOR_MS = 3_000;
/** Idle pooled connections to a backend that sends no keep-alive hint are closed after this. */
const KEEP_ALIVE_TIMEOUT_FLOOR_MS = 60_000;

export function startRoundRobinProxy(backends: Backend[], port: number, host = "127.0.0.1"): Promise<RoundRobinProxy> {
  let next = 0;
  const downUntil = new Map<Backend, number>();
  // `timeout` makes the agent honour each backend's `Keep-Alive: timeout=N` hint: an idle pooled connection is
  // closed a second before the backend would close it. Without it Node's agent keeps idle connections forever,
  // and a request sent just as server.ts's keep-alive timer closes one is reset: answered 502 (the soak found
  // one in a minute).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: KEEP_ALIVE_TIMEOUT_FLOOR_MS });

  function pick(exclude: Set<Backend>): Backend | undefined {
    const now = Date.now();
    for (let i = 0; i < backends.length; i++) {
      const b = backends[(next + i) % backends.length];
      if (exclude.has(b) || (downUntil.get(b) ?? 0) > now) continue;
      next = (next + i + 1) % backends.length;
      return b;
    }
    return backends.find((b) => !exclude.has(b)); // all marked down: try anyway
  }

  const server = http.createServer((req, res) => {
    // Buffer the (small) request body so that a request can be replayed on another backend when the first one
    // refuses the connection.
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => forward(Buffer.concat(chunks), new Set()));

    function forward(body: Buffer, tried: Set<Backend>) {
      const backend = pick(tried);
      if (!backend) {
        res.writeHead(502, { "Content-Type": "text/plain" }).end("No app process is reachable.\n");
        return;
      }
      tried.add(backend);
      const headers = {
        ...req.headers,
        "x-forwarded-for": req.socket.remoteAddress ?? "",
        "x-forwarded-host": req.headers.host ?? "",
      };
      const upstream = http.request(
        { host: backend.host, port: backend.port, method: req.method, path: req.url, headers, agent },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on("error", (err: NodeJS.ErrnoException) => {
        if (!res.headersSent && (err.code === "ECONNREFUSED" || err.code === "ECONNRESET") && !upstream.reusedSocket) {
          downUntil.set(backend, Date.now() + DOWN_FOR_MS);
          if (err.code === "ECONNREFUSED") return forward(body, tried);
        }
        if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" }).end("The app process failed.\n");
        else res.destroy();
      });
      upstream.end(body);
    }
  });

  const upgradeTargets = nodesInTurn(backends);
  server.on("upgrade", (req, socket, head) => proxyUpgrade(req, socket, head, upgradeTargets()));

  return new Promise((resolve) => {
    server.listen(port, host, () =>
      resolve({
        server,
        port,
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
