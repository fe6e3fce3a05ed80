// The local round-robin proxy (start:cluster, the soak test) must not answer 502 because of the keep-alive race:
// a pooled connection to an app process that the process's keep-alive timer closes just as the proxy sends the
// next request on it. The proxy closes idle connections before the backend's announced keep-alive timeout.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startRoundRobinProxy, type RoundRobinProxy } from "../../scripts/lib/round-robin-proxy";

let backend: http.Server | undefined;
let proxy: RoundRobinProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  backend?.closeAllConnections();
  await new Promise<void>((resolve) => (backend ? backend.close(() => resolve()) : resolve()));
});

describe("round-robin proxy", () => {
  it("closes an idle connection to a backend before the backend's keep-alive timeout does", async () => {
    // The backend announces `Keep-Alive: timeout=2` and would close an idle connection itself after 2 s.
    backend = http.createServer((_req, res) => res.end("ok"));
    backend.keepAliveTimeout = 2_000;
    const closed = new Promise<{ byPeer: boolean }>((resolve) =>
      backend!.once("connection", (socket: Socket) => {
        let byPeer = false;
        socket.once("end", () => (byPeer = true)); // the proxy's FIN: it closed first
        socket.once("close", () => resolve({ byPeer }));
      }),
    );
    await new Promise<void>((resolve) => backend!.listen(0, "127.0.0.1", resolve));
    const port = (backend.address() as AddressInfo).port;
    proxy = await startRoundRobinProxy([{ host: "127.0.0.1", port }], 0);
    const proxyPort = (proxy.server.address() as AddressInfo).port;

    const res = await fetch(`http://127.0.0.1:${proxyPort}/`);
    expect(await res.text()).toBe("ok");
    // Whoever closes the idle connection first: the backend's timer (the race that ends in a 502) or the proxy.
    expect(await closed).toEqual({ byPeer: true });
  });
});
