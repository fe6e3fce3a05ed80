// Stamps each incoming HTTP request with its socket's remote address (lib/http/client-address.ts explains
// why), before any request listener, Next's included, sees it. Patches `emit` on the http/https Server
// prototypes once per process: requests are handed to listeners through `emit("request", req, res)`, so every
// server in the process (the one `next start` made before instrumentation ran, or a custom one) is covered.
import http from "node:http";
import https from "node:https";
import { SOCKET_ADDRESS_HEADER } from "./client-address";

const INSTALLED = Symbol.for("imprimatur.socketAddressStamp");

export function stampSocketAddress(req: http.IncomingMessage): void {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "unknown";
}

export function installSocketAddressStamp(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as Array<
    http.Server & { [INSTALLED]?: boolean }
  >) {
    if (proto[INSTALLED]) continue;
    const original = proto.emit;
    proto.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampSocketAddress(args[0] as http.IncomingMessage);
      return (original as (event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    } as typeof proto.emit;
    proto[INSTALLED] = true;
  }
}
