// The process-wide socket address stamp (lib/http/client-address.ts trusts the header it sets), and the one server
// that stamps its own requests (server.ts, which answers readers' revalidations before anything else).
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "./client-address";
import { installSocketAddressStamp, stampSocketAddress, stampsItsOwnRequests } from "./stamp-socket-address";

installSocketAddressStamp();
const servers: http.Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

/** A server answering with the socket address header its listener saw. */
async function serverSeeing(configure: (server: http.Server) => void = () => {}) {
  const server = http.createServer((req, res) => res.end(String(req.headers[SOCKET_ADDRESS_HEADER])));
  configure(server);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const claimed = { [SOCKET_ADDRESS_HEADER]: "203.0.113.66" };

describe("socket address stamp", () => {
  it("overwrites whatever the client claims, before the listener runs", async () => {
    const url = await serverSeeing();
    expect(await (await fetch(url, { headers: claimed })).text()).toBe("127.0.0.1");
  });

  it("leaves a server that stamps its own requests to itself, without going through the patch", async () => {
    let own: http.Server | null = null;
    const url = await serverSeeing((server) => {
      stampsItsOwnRequests(server);
      own = server;
    });
    expect(await (await fetch(url, { headers: claimed })).text()).toBe("203.0.113.66");
    expect(own!.emit).toBe(EventEmitter.prototype.emit);
    expect(http.Server.prototype.emit).not.toBe(EventEmitter.prototype.emit);
  });

  it("stampSocketAddress overwrites the claim with the socket address", () => {
    const req = {
      headers: { ...claimed },
      socket: { remoteAddress: "198.51.100.7" },
    } as unknown as http.IncomingMessage;
    stampSocketAddress(req);
    expect(req.headers[SOCKET_ADDRESS_HEADER]).toBe("198.51.100.7");
  });
});
