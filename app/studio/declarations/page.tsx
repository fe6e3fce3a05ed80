import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/app/_server/session";
import { listDeclarationHistory } from "@/lib/declarations/load-declarations";
import { DECLARATION_RENEWAL_MONTHS, INTEREST_KIND_LABELS, mayDeclare } from "@/lib/declarations/declaration-kinds";
import { reviewerProfilePath, writerProfilePath } from "@/lib/declarations/disclosure-snapshot";
import { DeclarationForm } from "./declaration-form";

export const metadata: Metadata = { title: "Declarations of interest" };

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function DeclarationsPage() {
  const actor = await requirePermission("declarations.own", "/studio/declarations");
  const history = await listDeclarationHistory(db, actor.id);
  const current = history.find((d) => !d.supersededAt) ?? null;
  return (
    <>
      <h1>Declarations of interest</h1>
      <p>
        Readers and assessors expect to know what could sway the people who write and review health information. Keep
        your declaration current: it is asked for again after {DECLARATION_RENEWAL_MONTHS} months. A new declaration
        replaces the current one; earlier ones are kept.
      </p>
      {!mayDeclare(actor) ? (
        <p className="empty">Declarations are kept by writers, reviewers and editors.</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="current-heading" data-testid="current-declaration">
            <h2 id="current-heading">Your current declaration</h2>
            {!current ? (
              <p className="notice warn">You have not made a declaration yet.</p>
            ) : (
              <>
                {current.stale && (
                  <p className="notice warn" data-testid="declaration-stale">
                    Made on {day(current.createdAt)}, more than {DECLARATION_RENEWAL_MONTHS} months ago: check it and
                    save it again.
                  </p>
                )}
                <p>
                  Made on {day(current.createdAt)}:{" "}
                  <strong>
                    {current.kinds.length
                      ? current.kinds.map((k) => INTEREST_KIND_LABELS[k].split(" (")[0]).join(", ")
                      : "nothing to declare"}
                  </strong>
                </p>
                {current.statement && <p>{current.statement}</p>}
                {current.organisations.length > 0 && <p>Organisations: {current.organisations.join(", ")}</p>}
                <p className="field-hint">
                  Shown on your public profile (
                  {actor.roles.includes("REVIEWER") ? (
                    <Link href={reviewerProfilePath(actor.id)}>reviewer profile</Link>
                  ) : (
                    <Link href={writerProfilePath(actor.id)}>writer profile</Link>
                  )}
                  ) once you have a published article.
                </p>
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="new-heading">
            <h2 id="new-heading">{current ? "Make a new declaration" : "Make your declaration"}</h2>
            <DeclarationForm
              current={
                current
                  ? {
                      none: current.kinds.length === 0,
                      kinds: current.kinds,
                      statement: current.statement,
                      organisations: current.organisations,
                    }
                  : null
              }
            />
          </section>
          {history.length > 1 && (
            <section className="panel" aria-labelledby="history-heading">
              <h2 id="history-heading">Earlier declarations</h2>
              <ul className="decisions">
                {history
                  .filter((d) => d.supersededAt)
                  .map((d) => (
                    <li key={d.id}>
                      {day(d.createdAt)} to {day(d.supersededAt!)}:{" "}
                      {d.kinds.length ? d.kinds.map((k) => INTEREST_KIND_LABELS[k].split(" (")[0]).join(", ") : "none"}
                      {d.organisations.length ? ` (${d.organisations.join(", ")})` : ""}
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
