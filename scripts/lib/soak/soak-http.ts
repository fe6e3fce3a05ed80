// HTTP for the soak test's simulated people: each request leaves from a loopback address of its own choosing
// (127.0.0.0/8 is all loopback on Linux), so that behind the round-robin proxy (which writes the socket address
// into X-Forwarded-For) readers are distinct clients to the per-client rate limits, as real readers are.
import http from "node:http";

export interface SoakAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

const REQUEST_TIMEOUT_MS = 60_000;
// `timeout` makes the agent honour the proxy's `Keep-Alive: timeout=5` hint (idle connections closed a second
// before the server closes them). Without it a request sent on a connection the server is closing fails with
// "socket hang up" (browsers retry those; Node's client does not).
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: REQUEST_TIMEOUT_MS });

export function soakRequest(
  base: URL,
  options: {
    method?: string;
    path: string;
    headers?: http.OutgoingHttpHeaders;
    body?: string;
    /** The reader's address (127.x.y.z); the connection is kept alive per address. */
    from?: string;
  },
): Promise<SoakAnswer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: options.method ?? "GET",
        path: options.path,
        headers: {
          ...(options.body !== undefined ? { "content-length": Buffer.byteLength(options.body) } : {}),
          ...options.headers,
        },
        localAddress: options.from,
        agent: keepAlive,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - t0,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The n-th address of a /16 under 127.0.0.0/8 (block 1–254), skipping .0 and .255 host bytes. */
export function loopbackAddress(block: number, n: number): string {
  const i = n % (254 * 254);
  return `127.${block}.${1 + Math.floor(i / 254)}.${1 + (i % 254)}`;
}

export function closeSoakConnections(): void {
  keepAlive.destroy();
}
