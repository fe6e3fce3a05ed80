// Webhooks end to end against a local receiver on loopback (private addresses allowed for the test): events
// are queued in the publish/unpublish transactions, sent after commit with a valid Standard Webhooks signature,
// retried with backoff, logged per attempt, and bad endpoint URLs are refused with a field message.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { createTestDb } from "../../tests/helpers/test-db";
import {
  makePublishedArticle,
  makeTeam,
  publishDraft,
  setDraft,
  type Team,
} from "../../tests/helpers/publish-fixtures";
import { makeUser } from "../../tests/helpers/factory";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import type { Actor } from "../auth/policy";
import { unpublishArticle } from "../publishing/unpublish-article";
import { BACKOFF_SECONDS, MAX_ATTEMPTS, deliverDueWebhooks } from "./deliver-webhooks";
import { checkEndpointUrl } from "./endpoint-url";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { sendTestWebhook } from "./send-test-webhook";
import { setWebhookEndpointActive } from "./set-webhook-endpoint-active";
import { createSender } from "./send-request";

const t = createTestDb();

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers the next `failures` requests with 500, then 204. */
function startReceiver() {
  const received: Received[] = [];
  const state = { failures: 0 };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      if (state.failures > 0) {
        state.failures -= 1;
        res.writeHead(500).end("try later");
      } else res.writeHead(204).end();
    });
  });
  return new Promise<{ url: string; received: Received[]; state: typeof state; close: () => Promise<void> }>(
    (resolve) =>
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        resolve({
          url: `http://127.0.0.1:${port}/hooks`,
          received,
          state,
          close: () => new Promise((r) => server.close(() => r())),
        });
      }),
  );
}

let team: Team;
let admin: Actor;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const sender = createSender({ allowPrivate: true, timeoutMs: 5000 });
const deliver = (now: Date) => deliverDueWebhooks(t.db, { now, sender, allowPrivate: true });

beforeAll(async () => {
  team = await makeTeam(t.db);
  admin = await makeUser(t.db, { roles: ["ADMIN"], name: "Ada Admin" });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.cleanup();
});

describe("endpoint URLs", () => {
  it("refuses non-http(s), credentials and private or loopback addresses with a clear field message", async () => {
    for (const url of ["ftp://example.org/x", "javascript:alert(1)", "not a url", "https://user:pw@example.org/"]) {
      const err = await catchAppError(
        createWebhookEndpoint(t.db, admin, { url, description: "" }, { allowPrivate: false }),
      );
      expect(err.code).toBe("VALIDATION");
      expect(err.fieldErrors?.url?.[0]).toMatch(/URL|credentials/);
    }
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://localhost/x",
      "http://10.1.2.3/",
      "http://[::1]/",
      "http://192.168.0.4/",
    ]) {
      const err = await catchAppError(
        createWebhookEndpoint(t.db, admin, { url, description: "" }, { allowPrivate: false }),
      );
      expect(err.fieldErrors?.url?.[0]).toContain("Private, loopback and link-local addresses");
    }
    expect(checkEndpointUrl("https://hooks.example.org/imprimatur", false).ok).toBe(true);
    expect(checkEndpointUrl("http://127.0.0.1/x", true).ok).toBe(true);
    const writer = await catchAppError(
      createWebhookEndpoint(t.db, team.writer, { url: "https://example.org/", description: "" }),
    );
    expect(writer.code).toBe("FORBIDDEN");
  });

  it("checks the resolved address at delivery time too", async () => {
    const strict = createSender({ allowPrivate: false });
    const byName = await strict(new URL(receiver.url.replace("127.0.0.1", "localhost")), "{}", {});
    expect(byName.error).toContain("Private, loopback");
    const byIp = await strict(new URL(receiver.url), "{}", {});
    expect(byIp.error).toContain("Private, loopback");
    expect(receiver.received).toHaveLength(0);
  });
});

describe("delivery", () => {
  it("sends publish, update and unpublish events after commit, signed so the receiver can verify them", async () => {
    const endpoint = await createWebhookEndpoint(
      t.db,
      admin,
      { url: receiver.url, description: "Partner" },
      { allowPrivate: true },
    );
    const { secret } = await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });

    const article = await makePublishedArticle(t.db, team, { title: "Rosacea", conditionName: "Rosacea" });
    // Queued in the publish transaction, nothing sent yet.
    expect(await t.db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "PENDING" } })).toBe(1);
    expect(receiver.received).toHaveLength(0);
    expect(await deliver(new Date())).toMatchObject({ sent: 1, succeeded: 1 });

    await setDraft(t.db, article.articleId, { title: "Rosacea (updated)", conditionName: "Rosacea" });
    await publishDraft(t.db, team, article.articleId);
    await unpublishArticle(t.db, team.editor, { articleId: article.articleId, reason: "Being rewritten" });
    expect(await deliver(new Date())).toMatchObject({ sent: 2, succeeded: 2 });

    const verifier = new Webhook(secret);
    const events = receiver.received.map((r) => {
      const headers = {
        "webhook-id": String(r.headers["webhook-id"]),
        "webhook-timestamp": String(r.headers["webhook-timestamp"]),
        "webhook-signature": String(r.headers["webhook-signature"]),
      };
      return verifier.verify(r.body, headers) as { type: string; data: { slug: string; title?: string } };
    });
    expect(events.map((e) => e.type)).toEqual(["article.published", "article.updated", "article.unpublished"]);
    expect(events.every((e) => e.data.slug === article.slug)).toBe(true);
    expect(events[1].data.title).toBe("Rosacea (updated)");
    // Every event carries the article's language and its language versions (none here).
    for (const e of events) expect(e.data).toMatchObject({ locale: "en", translationOf: null, translations: [] });
    // A tampered body fails verification.
    const first = receiver.received[0];
    expect(() =>
      verifier.verify(first.body.replace("Rosacea", "Tampered"), {
        "webhook-id": String(first.headers["webhook-id"]),
        "webhook-timestamp": String(first.headers["webhook-timestamp"]),
        "webhook-signature": String(first.headers["webhook-signature"]),
      }),
    ).toThrow();
    await setWebhookEndpointActive(t.db, admin, { endpointId: endpoint.id, active: false });
  });

  it("retries a receiver that fails twice with backoff, delivers on the third try and logs every attempt", async () => {
    const endpoint = await createWebhookEndpoint(
      t.db,
      admin,
      { url: receiver.url, description: "" },
      { allowPrivate: true },
    );
    receiver.received.length = 0;
    receiver.state.failures = 2;
    await sendTestWebhook(t.db, admin, { endpointId: endpoint.id });
    const start = new Date();
    expect(await deliver(start)).toMatchObject({ sent: 1, failed: 1 });
    // Not due again before the backoff has passed.
    expect(await deliver(new Date(start.getTime() + 1000))).toMatchObject({ sent: 0 });
    const second = new Date(start.getTime() + BACKOFF_SECONDS[0] * 1000);
    expect(await deliver(second)).toMatchObject({ sent: 1, failed: 1 });
    const third = new Date(second.getTime() + BACKOFF_SECONDS[1] * 1000);
    expect(await deliver(third)).toMatchObject({ sent: 1, succeeded: 1 });

    expect(receiver.received).toHaveLength(3);
    // The same event each time: one webhook-id, so a receiver can drop repeats.
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const delivery = await t.db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      include: { attemptLog: { orderBy: { attempt: "asc" } } },
    });
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3, eventType: "webhook.test" });
    expect(delivery.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ]);
    expect(delivery.attemptLog[0].error).toBe("The receiver answered 500.");
  });

  it("gives up after the last attempt, and never lets two workers send the same delivery", async () => {
    const endpoint = await createWebhookEndpoint(
      t.db,
      admin,
      { url: receiver.url, description: "" },
      { allowPrivate: true },
    );
    receiver.received.length = 0;
    receiver.state.failures = 100;
    await sendTestWebhook(t.db, admin, { endpointId: endpoint.id });
    let now = new Date();
    // Two workers at the same moment: one claims it, the other finds nothing.
    const [a, b] = await Promise.all([
      deliverDueWebhooks(t.db, { now, sender, allowPrivate: true, workerId: "a" }),
      deliverDueWebhooks(t.db, { now, sender, allowPrivate: true, workerId: "b" }),
    ]);
    expect(a.sent + b.sent).toBe(1);
    for (const wait of BACKOFF_SECONDS) {
      now = new Date(now.getTime() + wait * 1000);
      await deliver(now);
    }
    const delivery = await t.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    receiver.state.failures = 0;
  });
});
