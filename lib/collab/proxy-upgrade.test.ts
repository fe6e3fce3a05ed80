// The /collab upgrade hand-off in server.ts: bytes pass both ways, and when either end goes away the other is
// closed at once (a killed co-editing server must not leave browsers on a socket that never answers again).
import { afterEach, describe, expect, it } from "vitest";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { isCollabUpgrade, nodesInTurn, proxyUpgrade } from "./proxy-upgrade";
import { collabEndpoint, parseCollabNodes } from "./issue-collab-ticket";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => server.close());
  return (server.address() as AddressInfo).port;
}

/** An upstream that answers the upgrade and echoes; `sockets` are its connections. */
async function echoUpstream() {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    let greeted = false;
    socket.on("data", (chunk) => {
      if (!greeted) {
        greeted = true;
        socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
        return;
      }
      socket.write(chunk);
    });
    socket.on("error", () => undefined);
  });
  return { port: await listen(server), sockets, server };
}

async function appWithProxy(upstreamPort: number | (() => { host: string; port: number }[])) {
  const app = http.createServer((_req, res) => res.end());
  app.on("upgrade", (req, socket, head) => {
    if (isCollabUpgrade(req))
      proxyUpgrade(req, socket, head, typeof upstreamPort === "number" ? upstreamPort : upstreamPort());
    else socket.destroy();
  });
  return listen(app);
}

function openThroughProxy(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () =>
      socket.write(
        "GET /collab HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
      ),
    );
    cleanups.push(() => socket.destroy());
    socket.once("data", (d) => (String(d).startsWith("HTTP/1.1 101") ? resolve(socket) : reject(new Error(String(d)))));
    socket.once("error", reject);
  });
}

const closed = (socket: net.Socket) => new Promise<void>((resolve) => socket.once("close", () => resolve()));

describe("the /collab upgrade hand-off", () => {
  it("recognises only the co-editing path", () => {
    const req = (url: string) => ({ url }) as http.IncomingMessage;
    expect(isCollabUpgrade(req("/collab"))).toBe(true);
    expect(isCollabUpgrade(req("/collab?x=1"))).toBe(true);
    expect(isCollabUpgrade(req("/collaborators"))).toBe(false);
    expect(isCollabUpgrade(req("/"))).toBe(false);
  });

  it("passes bytes both ways", async () => {
    const upstream = await echoUpstream();
    const browser = await openThroughProxy(await appWithProxy(upstream.port));
    const echoed = new Promise<string>((resolve) => browser.once("data", (d) => resolve(String(d))));
    browser.write("hello");
    expect(await echoed).toBe("hello");
  });

  it("closes the browser's socket at once when the co-editing server's side is gone", async () => {
    const upstream = await echoUpstream();
    const browser = await openThroughProxy(await appWithProxy(upstream.port));
    const started = Date.now();
    const browserClosed = closed(browser);
    // As when the process is killed: the kernel resets its connections.
    upstream.sockets[0].resetAndDestroy();
    await browserClosed;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("closes the co-editing server's side when the browser goes away", async () => {
    const upstream = await echoUpstream();
    const browser = await openThroughProxy(await appWithProxy(upstream.port));
    const upstreamClosed = closed(upstream.sockets[0]);
    browser.destroy();
    await upstreamClosed;
  });

  it("refuses the upgrade with 503 when the co-editing server is not running", async () => {
    const free = net.createServer();
    const deadPort = await listen(free);
    free.close();
    const app = await appWithProxy(deadPort);
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(app, "127.0.0.1", () =>
        socket.write("GET /collab HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"),
      );
      cleanups.push(() => socket.destroy());
      let text = "";
      socket.on("data", (d) => (text += String(d)));
      socket.on("close", () => resolve(text));
      socket.on("error", () => undefined);
    });
    expect(answer).toContain("503");
  });

  it("with several nodes, gives each new socket to the next node, and to the one after when a node is down", async () => {
    const [one, two] = [await echoUpstream(), await echoUpstream()];
    const free = net.createServer();
    const deadPort = await listen(free);
    free.close();
    const nodes = [one.port, deadPort, two.port].map((port) => ({ host: "127.0.0.1", port }));
    const app = await appWithProxy(nodesInTurn(nodes));
    for (let i = 0; i < 3; i++) await openThroughProxy(app);
    // In turn: one, (down →) two, two; then one again.
    expect([one.sockets.length, two.sockets.length]).toEqual([1, 2]);
    await openThroughProxy(app);
    expect(one.sockets.length).toBe(2);
  });
});

describe("COLLAB_NODES", () => {
  it("lists the nodes the app hands sockets to; without it, the one server at COLLAB_PORT", () => {
    expect(parseCollabNodes("10.0.0.5:3001, collab-2.internal:3001,[::1]:4000")).toEqual([
      { host: "10.0.0.5", port: 3001 },
      { host: "collab-2.internal", port: 3001 },
      { host: "::1", port: 4000 },
    ]);
    expect(() => parseCollabNodes("10.0.0.5")).toThrow('"10.0.0.5" is not HOST:PORT');
    expect(collabEndpoint({ PORT: "4000" })?.nodes).toEqual([{ host: "127.0.0.1", port: 4001 }]);
    expect(collabEndpoint({ COLLAB_NODES: "127.0.0.1:5001,127.0.0.1:5002" })?.nodes).toHaveLength(2);
    expect(collabEndpoint({ COLLAB_DISABLED: "1", COLLAB_NODES: "127.0.0.1:5001" })).toBeNull();
  });
});
