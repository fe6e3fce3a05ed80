// Stamps each incoming HTTP request with its socket's remote address (lib/http/client-address.ts explains
// why), before any request listener, Next's included, sees it. Patches `emit` on the http/https Server
// prototypes once per process: requests are handed to listeners through `emit("request", req, res)`, so every
// server in the process (the one `next start` made before instrumentation ran, or a custom one) is covered.
import http from "node:http";
import https from "node:https";
import { SOCKET_ADDRESS_HEADER } from "./client-address";

const INSTALLED = Symbol.for("imprimatur.socketAddressStamp");
// Symbol.for: the patch installed by the built instrumentation and server.ts's own copy of this module agree.
const STAMPS_ITSELF = Symbol.for("imprimatur.stampsSocketAddressItself");
// On the patched emit: the emit it wraps.
const WRAPPED_EMIT = Symbol.for("imprimatur.socketAddressStamp.wrappedEmit");
type Emit = http.Server["emit"] & { [WRAPPED_EMIT]?: http.Server["emit"] };

export function stampSocketAddress(req: http.IncomingMessage): void {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "unknown";
}

/**
 * Leaves `server`'s requests to the server itself, which must call stampSocketAddress on each request it hands
 * on: server.ts answers readers' revalidations from its page cache before anything else and stamps the rest.
 */
export function stampsItsOwnRequests(server: http.Server): void {
  (server as http.Server & { [STAMPS_ITSELF]?: boolean })[STAMPS_ITSELF] = true;
  // Its events skip the patch altogether (a call with spread arguments per event, readers' 304s included): the
  // server gets the emit the patch wraps as its own. Installed later, the patch still leaves it alone (above).
  const wrapped = (server.emit as Emit)[WRAPPED_EMIT];
  if (wrapped) server.emit = wrapped;
}

export function installSocketAddressStamp(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as Array<
    http.Server & { [INSTALLED]?: boolean }
  >) {
    if (proto[INSTALLED]) continue;
    const original = proto.emit;
    const patched: Emit = function emit(
      this: http.Server & { [STAMPS_ITSELF]?: boolean },
      event: string | symbol,
      ...args: unknown[]
    ) {
      if (event === "request" && !this[STAMPS_ITSELF]) stampSocketAddress(args[0] as http.IncomingMessage);
      return (original as (event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    } as typeof proto.emit;
    patched[WRAPPED_EMIT] = original;
    proto.emit = patched;
    proto[INSTALLED] = true;
  }
}
