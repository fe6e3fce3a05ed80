// Hands a WebSocket upgrade request arriving at the app's own port (path /collab) to the co-editing server on
// loopback, byte for byte: browsers then reach co-editing at the site's own origin, which the studio's
// Content-Security-Policy (connect-src 'self') allows and which any reverse proxy in front already serves.
// With several co-editing nodes (COLLAB_NODES, sharing documents through Redis: collab-nodes.ts) each new socket
// goes to the next node in turn, and to the one after when a node does not take the connection (down, restarting):
// any node can serve any document, so sockets are spread evenly and a node that dies only costs its own sockets.
import net from "node:net";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

export const COLLAB_PATH = "/collab";

export function isCollabUpgrade(req: IncomingMessage): boolean {
  const url = req.url ?? "";
  return url === COLLAB_PATH || url.startsWith(`${COLLAB_PATH}?`) || url.startsWith(`${COLLAB_PATH}/`);
}

export interface UpstreamAddress {
  host: string;
  port: number;
}

/** How long a node may take to accept the connection before the next one is tried. */
const CONNECT_TIMEOUT_MS = 3000;

/**
 * The order in which to try the nodes for each new socket: starting at the next node each time (from `offset`,
 * so that app processes given the same list do not all start at its first node).
 */
export function nodesInTurn<T>(nodes: readonly T[], offset = 0): () => T[] {
  let next = offset;
  return () => {
    const start = next++ % nodes.length;
    return [...nodes.slice(start), ...nodes.slice(0, start)];
  };
}

/** Hands the upgrade to the first of `upstreams` that accepts it (a bare port: that port on loopback). */
export function proxyUpgrade(
  req: IncomingMessage,
  client: Duplex,
  head: Buffer,
  upstreams: number | readonly UpstreamAddress[],
): void {
  const candidates = typeof upstreams === "number" ? [{ host: "127.0.0.1", port: upstreams }] : [...upstreams];
  // Keystrokes are small messages: send them at once rather than waiting to fill a packet.
  if (client instanceof net.Socket) client.setNoDelay(true);
  // A browser that goes away while the nodes are being tried: stop trying.
  const quiet = () => undefined;
  client.on("error", quiet);
  const attempt = (i: number) => {
    if (client.destroyed) return;
    const target = candidates[i];
    if (!target) {
      // No node takes it: refuse plainly; the editor falls back to autosave.
      if (client.writable) client.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
      return;
    }
    const upstream = net.connect({ port: target.port, host: target.host, noDelay: true });
    upstream.setTimeout(CONNECT_TIMEOUT_MS);
    const failed = () => {
      upstream.destroy();
      attempt(i + 1);
    };
    upstream.once("timeout", failed);
    upstream.once("error", failed);
    upstream.once("connect", () => {
      upstream.off("timeout", failed);
      upstream.off("error", failed);
      upstream.setTimeout(0);
      client.off("error", quiet);
      pipeUpgrade(req, client, head, upstream);
    });
  };
  attempt(0);
}

function pipeUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, upstream: net.Socket): void {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  upstream.write(lines.join("\r\n") + "\r\n\r\n");
  if (head.length) upstream.write(head);
  upstream.pipe(client);
  client.pipe(upstream);
  // Either side gone means the whole path is gone: the browser must learn at once that the co-editing server
  // stopped (its socket closes, so the editor falls back to autosave), and a closed tab must not leave a
  // connection open on the co-editing server.
  const close = () => {
    upstream.destroy();
    client.destroy();
  };
  upstream.on("error", close);
  client.on("error", close);
  upstream.on("close", close);
  client.on("close", close);
  upstream.on("end", close);
  client.on("end", close);
}
