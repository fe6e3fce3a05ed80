// Hands a WebSocket upgrade request arriving at the app's own port (path /collab) to the co-editing server on
// loopback, byte for byte: browsers then reach co-editing at the site's own origin, which the studio's
// Content-Security-Policy (connect-src 'self') allows and which any reverse proxy in front already serves.
import net from "node:net";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

export const COLLAB_PATH = "/collab";

export function isCollabUpgrade(req: IncomingMessage): boolean {
  const url = req.url ?? "";
  return url === COLLAB_PATH || url.startsWith(`${COLLAB_PATH}?`) || url.startsWith(`${COLLAB_PATH}/`);
}

export function proxyUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, port: number): void {
  let connected = false;
  const upstream = net.connect({ port, host: "127.0.0.1", noDelay: true }, () => {
    connected = true;
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    upstream.write(lines.join("\r\n") + "\r\n\r\n");
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  // Keystrokes are small messages: send them at once rather than waiting to fill a packet.
  if (client instanceof net.Socket) client.setNoDelay(true);
  // Either side gone means the whole path is gone: the browser must learn at once that the co-editing server
  // stopped (its socket closes, so the editor falls back to autosave), and a closed tab must not leave a
  // connection open on the co-editing server.
  const close = () => {
    upstream.destroy();
    client.destroy();
  };
  upstream.on("error", () => {
    // The co-editing server is down before the upgrade: refuse it plainly; the editor falls back to autosave.
    if (!connected && client.writable) client.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
    close();
  });
  client.on("error", close);
  upstream.on("close", close);
  client.on("close", close);
  upstream.on("end", close);
  client.on("end", close);
}
