import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { auditActions, listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditActionLabel, auditActionOptions, auditDetails } from "@/lib/audit/action-labels";
import { resolveAuditNames, type AuditNames } from "@/lib/audit/resolve-audit-names";
import { requirePermission } from "@/app/_server/session";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Audit log" };

const FIELDS = ["action", "entityType", "entityId", "actor", "from", "to"] as const;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("audit.read", "/studio/admin/audit");
  const raw = await searchParams;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string" && v.trim()) params[k] = v.trim();
  let result: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let error: { message: string; fieldErrors?: Record<string, string[]> } | null = null;
  try {
    result = await listAuditEvents(db, params);
  } catch (err) {
    if (!isAppError(err)) throw err;
    error = { message: err.message, fieldErrors: err.fieldErrors };
  }
  const actions = await auditActions(db);
  const names = await resolveAuditNames(db, result?.events ?? []);
  const nextHref = result?.nextBefore
    ? `/studio/admin/audit?${new URLSearchParams({ ...params, before: String(result.nextBefore) })}`
    : null;
  return (
    <>
      <h1>Audit log</h1>
      <p className="field-hint">
        Append-only: the database refuses changes and deletions, and each event is chained to the previous one by hash.
        Run <code>npm run audit:verify</code> on the server to check the chain.
      </p>
      {/* A plain GET form: filters are in the URL, so views can be bookmarked and it works without JavaScript. */}
      <form method="get" className="audit-filters panel" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="f-action">What happened</label>
          <select id="f-action" name="action" defaultValue={params.action ?? ""}>
            <option value="">Anything</option>
            {auditActionOptions(
              // An action typed into an old bookmarked URL still shows as chosen.
              params.action && !actions.includes(params.action) ? [...actions, params.action] : actions,
            ).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-entityType">Entity type</label>
          <input id="f-entityType" name="entityType" defaultValue={params.entityType} placeholder="Article" />
        </div>
        <div className="field">
          <label htmlFor="f-entityId">Entity id</label>
          <input id="f-entityId" name="entityId" defaultValue={params.entityId} />
        </div>
        <div className="field">
          <label htmlFor="f-actor">Person (name or e-mail)</label>
          <input id="f-actor" name="actor" defaultValue={params.actor} />
        </div>
        <div className="field">
          <label htmlFor="f-from">From</label>
          <input
            id="f-from"
            name="from"
            type="date"
            defaultValue={params.from}
            aria-invalid={error?.fieldErrors?.from ? true : undefined}
          />
          {error?.fieldErrors?.from && <p className="field-error">{error.fieldErrors.from.join(" ")}</p>}
        </div>
        <div className="field">
          <label htmlFor="f-to">To</label>
          <input
            id="f-to"
            name="to"
            type="date"
            defaultValue={params.to}
            aria-invalid={error?.fieldErrors?.to ? true : undefined}
          />
          {error?.fieldErrors?.to && <p className="field-error">{error.fieldErrors.to.join(" ")}</p>}
        </div>
        <button type="submit">Filter</button>
        {FIELDS.some((f) => params[f]) && <Link href="/studio/admin/audit">Clear filters</Link>}
      </form>
      {error && (
        <p className="notice error" role="alert">
          {error.message}
        </p>
      )}
      {result && result.events.length === 0 && <p className="empty">No events match these filters.</p>}
      {result && result.events.length > 0 && (
        <TableScroll label="Audit events">
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What happened</th>
                <th scope="col">Entity</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {result.events.map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td>
                  <td>
                    <time dateTime={e.at.toISOString()}>{e.at.toISOString().replace("T", " ").slice(0, 19)}</time>
                  </td>
                  <td>{e.actor ? e.actor.name : "System"}</td>
                  <td data-testid="audit-action">{auditActionLabel(e.action)}</td>
                  <td>
                    <EntityCell type={e.entityType} id={e.entityId} names={names} />
                  </td>
                  <td className="audit-data">
                    <AuditDetails dataJson={e.dataJson} names={names} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {nextHref && (
        <p>
          <Link href={nextHref}>Older events</Link>
        </p>
      )}
    </>
  );
}

/** The entity by name where it still exists (the link filters the log to it), its stored id beneath. */
function EntityCell({ type, id, names }: { type: string; id: string; names: AuditNames }) {
  const name = names.name(type, id);
  const href = `/studio/admin/audit?${new URLSearchParams({ entityType: type, entityId: id })}`;
  return (
    <>
      {type}{" "}
      <Link href={href} title="Events for this entity" data-testid="audit-entity">
        {name ?? id}
      </Link>
      {name ? <span className="audit-id">{id}</span> : null}
    </>
  );
}

function AuditDetails({ dataJson, names }: { dataJson: string; names: AuditNames }) {
  const lines = auditDetails(dataJson, names);
  if (!lines.length) return null;
  return (
    <dl className="audit-details">
      {lines.map((l, i) => (
        <div key={i}>
          <dt>{l.label}</dt>
          <dd>{l.value}</dd>
        </div>
      ))}
    </dl>
  );
}
