// Nothing the server sends on someone's behalf (webhook deliveries, link checks, DOI/PMID look-ups) reaches
// its own loopback, whatever notation the address is written in, whether a name resolves to it only on the
// second look-up (DNS rebinding) or a redirect points at it. Listeners on 127.0.0.1 and ::1 count every
// request they get: they must get none.
import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { syncBuiltinESMExports } from "node:module";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeUser } from "../helpers/factory";
import { catchAppError } from "../helpers/catch-app-error";
import { safeFetch } from "../../lib/sources/safe-fetch";
import { createWebhookEndpoint } from "../../lib/webhooks/create-webhook-endpoint";
import { sendTestWebhook } from "../../lib/webhooks/send-test-webhook";
import { deliverDueWebhooks } from "../../lib/webhooks/deliver-webhooks";

const t = createTestDb();

interface Listener {
  port: number;
  hits: string[];
  close(): Promise<void>;
}

/** An HTTP server on `host` that records each request; `respond` may redirect. */
function listen(
  host: string,
  respond: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, res) => res.end("internal secret"),
  port = 0,
): Promise<Listener> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    respond(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        hits,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}

let v4: Listener;
let v6: Listener;

/** Every way of writing "this machine" that a URL parser or resolver accepts, at the listeners' port. */
function loopbackUrls(): string[] {
  const p = v4.port;
  const q = v6.port;
  return [
    `http://[::ffff:127.0.0.1]:${p}/`,
    `http://[::ffff:7f00:1]:${p}/`,
    `http://[0:0:0:0:0:ffff:7f00:1]:${p}/`,
    `http://[::127.0.0.1]:${p}/`,
    `http://0177.0.0.1:${p}/`,
    `http://0x7f000001:${p}/`,
    `http://2130706433:${p}/`,
    `http://127.1:${p}/`,
    `http://0x7f.0.0.1:${p}/`,
    `http://127.0.0.1:${p}/`,
    `http://127.0.0.1.:${p}/`,
    `http://localhost:${p}/`,
    `http://LOCALHOST.:${p}/`,
    `http://[::1]:${q}/`,
    `http://[0:0:0:0:0:0:0:1]:${q}/`,
  ];
}

beforeAll(async () => {
  v4 = await listen("127.0.0.1");
  v6 = await listen("::1");
});
afterAll(async () => {
  await v4.close();
  await v6.close();
  await t.cleanup();
});
afterEach(() => {
  const reached = [...v4.hits, ...v6.hits];
  v4.hits.length = 0;
  v6.hits.length = 0;
  expect(reached, "a request reached the loopback listener").toEqual([]);
});

describe("link checks and look-ups (safeFetch)", () => {
  it("refuse the loopback in every notation without connecting", async () => {
    for (const url of loopbackUrls()) {
      const result = await safeFetch(url, { allowPrivate: false, timeoutMs: 2_000 });
      expect(result, url).toMatchObject({ ok: false, reason: "BLOCKED" });
    }
  });

  it("connect to the address that was checked, not to a second answer of the resolver (DNS rebinding)", async () => {
    // The first look-up of the name answers a public address (checked, allowed), every later one the loopback.
    // A client that resolves again to connect reaches the listener; a pinned one goes to the public address,
    // which this machine cannot reach (no network in tests), and fails without touching the listener.
    const restore = rebindingResolver("rebind.test", "192.0.43.10", "127.0.0.1");
    try {
      const result = await safeFetch(`http://rebind.test:${v4.port}/`, { allowPrivate: false, timeoutMs: 1_500 });
      expect(result.ok).toBe(false);
    } finally {
      restore();
    }
  });

  it("check every redirect hop like the first", async () => {
    // The first hop's server is allowed only by the test's own address rule; it redirects to another loopback
    // address that the rule refuses.
    const target = await listen("127.0.0.2", undefined, 0);
    const redirector = await listen("127.0.0.1", (_q, res) =>
      res.writeHead(302, { location: `http://127.0.0.2:${target.port}/admin` }).end(),
    );
    try {
      const result = await safeFetch(`http://127.0.0.1:${redirector.port}/start`, {
        allowPrivate: false,
        allowAddress: (address) => address === "127.0.0.1",
        timeoutMs: 2_000,
      });
      expect(result).toMatchObject({ ok: false, reason: "BLOCKED" });
      expect(redirector.hits).toEqual(["GET /start"]);
      expect(target.hits).toEqual([]);
    } finally {
      await redirector.close();
      await target.close();
    }
  });
});

describe("webhooks", () => {
  it("refuse to register a loopback endpoint in any notation", async () => {
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    for (const url of loopbackUrls()) {
      const err = await catchAppError(
        createWebhookEndpoint(t.db, admin, { url, description: "" }, { allowPrivate: false }),
      );
      expect(err.fieldErrors?.url?.[0], url).toContain("Private, loopback and link-local addresses");
    }
  });

  it("never deliver a test event to an endpoint stored with a loopback address", async () => {
    // Rows written before this check existed, or by an operator who allowed private addresses then turned the
    // setting off: delivery checks again and refuses.
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    for (const url of loopbackUrls()) {
      const endpoint = await t.db.webhookEndpoint.create({
        data: { url, description: "old", secret: "whsec_dGVzdHRlc3R0ZXN0dGVzdA==", createdById: admin.id },
      });
      await sendTestWebhook(t.db, admin, { endpointId: endpoint.id });
      const run = await deliverDueWebhooks(t.db, { allowPrivate: false });
      expect(run, url).toMatchObject({ sent: 1, failed: 1 });
      const attempt = await t.db.webhookAttempt.findFirstOrThrow({ where: { delivery: { endpointId: endpoint.id } } });
      expect(attempt.error, url).toContain("Private, loopback");
      await t.db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { active: false } });
    }
  });

  it("connect to the address that was checked (DNS rebinding)", async () => {
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    const endpoint = await t.db.webhookEndpoint.create({
      data: {
        url: `http://rebind-hook.test:${v4.port}/`,
        description: "",
        secret: "whsec_dGVzdHRlc3R0ZXN0dGVzdA==",
        createdById: admin.id,
      },
    });
    await sendTestWebhook(t.db, admin, { endpointId: endpoint.id });
    const restore = rebindingResolver("rebind-hook.test", "192.0.43.10", "127.0.0.1");
    try {
      expect(await deliverDueWebhooks(t.db, { allowPrivate: false })).toMatchObject({ sent: 1, failed: 1 });
    } finally {
      restore();
    }
  });
});

/**
 * Replaces the process's resolver for `name`: the first look-up answers `first`, every later one `then`.
 * Both the callback and the promise API are replaced, as Node's sockets call `dns.lookup` themselves.
 */
function rebindingResolver(name: string, first: string, then: string): () => void {
  const original = { lookup: dns.lookup, promisesLookup: dns.promises.lookup };
  let calls = 0;
  const answer = (host: string) => {
    if (host !== name) return null;
    calls += 1;
    return calls === 1 ? first : then;
  };
  type LookupCallback = (err: Error | null, address: string | dns.LookupAddress[], family?: number) => void;
  const fake = (host: string, options: unknown, callback?: LookupCallback) => {
    const cb = (typeof options === "function" ? options : callback) as LookupCallback;
    const address = answer(host);
    if (address === null) return (original.lookup as (...args: unknown[]) => void)(host, options, callback);
    const all = typeof options === "object" && options !== null && (options as { all?: boolean }).all;
    process.nextTick(() => (all ? cb(null, [{ address, family: 4 }]) : cb(null, address, 4)));
  };
  const fakePromises = async (host: string, options?: dns.LookupOptions) => {
    const address = answer(host);
    if (address === null) return original.promisesLookup(host, options ?? {});
    return options?.all ? [{ address, family: 4 }] : { address, family: 4 };
  };
  Object.assign(dns, { lookup: fake });
  Object.assign(dns.promises, { lookup: fakePromises });
  syncBuiltinESMExports(); // so that `import { lookup } from "node:dns/promises"` sees it too
  return () => {
    Object.assign(dns, { lookup: original.lookup });
    Object.assign(dns.promises, { lookup: original.promisesLookup });
    syncBuiltinESMExports();
  };
}
