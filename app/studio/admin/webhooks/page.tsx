// Admins register webhook endpoints, see each one's signing secret and delivery log (status per attempt), pause,
// remove, and send a test event.
import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/app/_server/session";
import { ActionForm, Field } from "@/components/studio/action-form";
import { ConfirmStep } from "@/components/studio/confirm-step";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { MAX_ATTEMPTS } from "@/lib/webhooks/deliver-webhooks";
import { privateAddressesAllowed } from "@/lib/webhooks/endpoint-url";
import { createEndpointAction, deleteEndpointAction, sendTestAction, setEndpointActiveAction } from "./actions";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

const fmt = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ") + " UTC";

const STATUS_LABEL: Record<string, string> = { PENDING: "Pending", SUCCEEDED: "Delivered", FAILED: "Failed" };

export default async function WebhooksPage() {
  await requirePermission("webhooks.manage", "/studio/admin/webhooks");
  const endpoints = await listWebhookEndpoints(db);
  return (
    <>
      <h1>Webhooks</h1>
      <p>
        Registered endpoints receive a signed POST (Standard Webhooks: <code>webhook-id</code>,{" "}
        <code>webhook-timestamp</code>, <code>webhook-signature</code>) when an article is published, updated or
        unpublished. Failed deliveries are retried with increasing waits, {MAX_ATTEMPTS} attempts in all.
      </p>
      <section className="panel" aria-labelledby="new-endpoint-heading">
        <h2 id="new-endpoint-heading">Add an endpoint</h2>
        <ActionForm
          action={createEndpointAction}
          submitLabel="Add endpoint"
          successMessage="Endpoint added. Its signing secret is shown below."
          resetOnSuccess
          label="Add an endpoint"
          testId="new-webhook-form"
        >
          <Field
            name="url"
            label="URL"
            type="url"
            required
            hint={
              privateAddressesAllowed()
                ? "https:// or http://. Private addresses are allowed on this server (WEBHOOKS_ALLOW_PRIVATE)."
                : "https:// or http://, a public address."
            }
          />
          <Field name="description" label="Description (optional)" hint="Who receives it, e.g. the partner's name." />
        </ActionForm>
      </section>

      {endpoints.length === 0 ? (
        <p className="empty">No endpoints yet.</p>
      ) : (
        endpoints.map((endpoint) => (
          <section
            key={endpoint.id}
            className="panel"
            aria-labelledby={`endpoint-${endpoint.id}`}
            data-testid="webhook-endpoint"
          >
            <h2 id={`endpoint-${endpoint.id}`}>
              {endpoint.url} {!endpoint.active && <span className="badge">Paused</span>}
            </h2>
            {endpoint.description && <p>{endpoint.description}</p>}
            <details>
              <summary>Signing secret</summary>
              <p>
                <code data-testid="webhook-secret">{endpoint.secret}</code>
              </p>
            </details>
            <div className="row">
              <ActionForm
                action={sendTestAction}
                submitLabel="Send test event"
                pendingLabel="Sending…"
                successMessage="Test event queued; it appears in the log below within a few seconds."
                label={`Send a test event to ${endpoint.url}`}
              >
                <input type="hidden" name="endpointId" value={endpoint.id} />
              </ActionForm>
              <ActionForm
                action={setEndpointActiveAction}
                submitLabel={endpoint.active ? "Pause" : "Resume"}
                buttonClass="secondary"
                successMessage={endpoint.active ? "Paused." : "Resumed."}
                label={`${endpoint.active ? "Pause" : "Resume"} ${endpoint.url}`}
              >
                <input type="hidden" name="endpointId" value={endpoint.id} />
                <input type="hidden" name="active" value={endpoint.active ? "false" : "true"} />
              </ActionForm>
              <ConfirmStep
                trigger="Remove…"
                label={`Remove ${endpoint.url}`}
                testId="remove-endpoint"
                question={
                  <>
                    Remove <strong>{endpoint.url}</strong>? It stops receiving events at once; its secret and its
                    delivery log are deleted. To stop it for a while, pause it instead.
                  </>
                }
              >
                <ActionForm
                  action={deleteEndpointAction}
                  submitLabel="Remove the endpoint"
                  pendingLabel="Removing…"
                  buttonClass="danger"
                  label={`Confirm: remove ${endpoint.url}`}
                >
                  <input type="hidden" name="endpointId" value={endpoint.id} />
                </ActionForm>
              </ConfirmStep>
            </div>
            <h3>Recent deliveries</h3>
            {endpoint.deliveries.length === 0 ? (
              <p className="empty">Nothing sent yet.</p>
            ) : (
              <TableScroll label="Recent deliveries">
                <table data-testid="webhook-deliveries">
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col">Queued</th>
                      <th scope="col">Status</th>
                      <th scope="col">Attempts</th>
                    </tr>
                  </thead>
                  <tbody>
                    {endpoint.deliveries.map((d) => (
                      <tr key={d.id}>
                        <td>
                          <code>{d.eventType}</code>
                        </td>
                        <td>{fmt(d.createdAt)}</td>
                        <td>
                          {STATUS_LABEL[d.status] ?? d.status}
                          {d.status === "PENDING" && d.attempts > 0 && <> (next try {fmt(d.nextAttemptAt)})</>}
                        </td>
                        <td>
                          {d.attemptLog.length === 0 ? (
                            "—"
                          ) : (
                            <ol className="attempt-log">
                              {d.attemptLog.map((a) => (
                                <li key={a.id}>
                                  {fmt(a.at)}: {a.statusCode !== null ? `HTTP ${a.statusCode}` : "no answer"}
                                  {a.error && a.statusCode === null ? ` (${a.error})` : ""} · {a.durationMs} ms
                                </li>
                              ))}
                            </ol>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        ))
      )}
    </>
  );
}
