// An admin registers a webhook endpoint (a bad URL is refused with a field message), sends a test event, and
// the receiver (on loopback; the e2e server allows private addresses) gets it with a valid signature; the
// delivery log shows it delivered.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";
import { e2eDb } from "./helpers/db";
import { createWebhookEndpoint } from "../lib/webhooks/create-webhook-endpoint";
import { E2E_PORT } from "./helpers/env";

test("admin adds an endpoint, sends a test event, and the receiver verifies the signature", async ({ page }) => {
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  const port = Number(E2E_PORT) + 51; // +50 is the source stub (e2e/helpers/env.ts)
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  try {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    await signIn(page, admin, "/studio/admin/webhooks");
    const form = page.getByTestId("new-webhook-form");
    await form.getByLabel("URL").fill("ftp://example.org/hooks");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByText("The URL must start with https:// (or http://).")).toBeVisible();
    await expect(form.getByLabel("URL")).toHaveValue("ftp://example.org/hooks");

    const url = `http://127.0.0.1:${port}/hooks/${Date.now()}`;
    await form.getByLabel("URL").fill(url);
    await form.getByLabel("Description (optional)").fill("E2E receiver");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: url });
    await expect(endpoint).toBeVisible();
    await endpoint.getByText("Signing secret").click();
    const secret = (await endpoint.getByTestId("webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);

    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(endpoint.getByText("Test event queued")).toBeVisible();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const event = new Webhook(secret).verify(received[0].body, {
      "webhook-id": String(received[0].headers["webhook-id"]),
      "webhook-timestamp": String(received[0].headers["webhook-timestamp"]),
      "webhook-signature": String(received[0].headers["webhook-signature"]),
    }) as { type: string };
    expect(event.type).toBe("webhook.test");

    await expect(async () => {
      await page.reload();
      await expect(endpoint.getByTestId("webhook-deliveries")).toContainText("Delivered");
    }).toPass({ timeout: 20_000 });
    await expect(endpoint.getByTestId("webhook-deliveries")).toContainText("HTTP 204");
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("removing an endpoint asks first: Cancel keeps it, confirming removes it", async ({ page }) => {
  const admin = await createTestUser({ roles: ["ADMIN"] });
  const url = `https://hooks.example.org/remove-${uniqueSuffix()}`;
  await createWebhookEndpoint(e2eDb(), admin, { url, description: "" });
  await signIn(page, admin, "/studio/admin/webhooks");
  const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: url });
  const step = endpoint.getByTestId("remove-endpoint");
  await step.getByText("Remove…").click();
  const confirm = step.getByRole("group", { name: `Remove ${url}` });
  await expect(confirm).toContainText("stops receiving events");
  // Escape closes it like Cancel, and nothing was removed.
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await page.reload();
  await expect(endpoint).toBeVisible();
  await step.getByText("Remove…").click();
  await confirm.getByRole("button", { name: "Remove the endpoint" }).click();
  await expect(page.getByTestId("webhook-endpoint").filter({ hasText: url })).toHaveCount(0);
  expect(await e2eDb().webhookEndpoint.count({ where: { url } })).toBe(0);
});
