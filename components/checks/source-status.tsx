// Whether the revision's sources still stand (lib/sources/): retracted papers (they hold the publish gate),
// correction notices, and links that do not answer. Server component; reads the stored checks.
import { db } from "@/lib/db/client";
import { parseReferencesJson } from "@/lib/content/reference-snapshot";
import { sourceState } from "@/lib/sources/check-sources";

export async function SourceStatus({ revisionId }: { revisionId: string }) {
  const revision = await db.revision.findUnique({ where: { id: revisionId }, select: { referencesJson: true } });
  if (!revision) return null;
  const refs = parseReferencesJson(revision.referencesJson);
  if (refs.length === 0) return null;
  const state = await sourceState(db, refs);
  const clean = !state.retracted.length && !state.corrected.length && !state.broken.length;
  return (
    <section className="source-status" aria-labelledby={`sources-${revisionId}`} data-testid="source-status">
      <h3 id={`sources-${revisionId}`}>Sources</h3>
      {clean ? (
        <p className="notice ok">
          {state.checkedAt
            ? `No retracted or corrected source; every checked link answers (checked ${state.checkedAt.toISOString().slice(0, 16).replace("T", " ")} UTC).`
            : "The sources have not been checked yet."}
          {state.unchecked && state.checkedAt ? ` ${state.unchecked} not checked yet.` : ""}
        </p>
      ) : (
        <ul className="findings">
          {state.retracted.map((r) => (
            <li key={`r-${r.doi}`} className="notice error" data-testid="source-retracted">
              <strong>Retracted:</strong> “{r.title || r.doi}” (DOI {r.doi}). {r.detail}. This holds the publish gate
              until the source is replaced or an editor overrides with a reason.
            </li>
          ))}
          {state.corrected.map((r) => (
            <li key={`c-${r.doi}`} className="notice warn" data-testid="source-corrected">
              <strong>Correction notice:</strong> “{r.title || r.doi}” (DOI {r.doi}). {r.detail}. Check that the cited
              finding still holds.
            </li>
          ))}
          {state.broken.map((r) => (
            <li key={`b-${r.url}`} className="notice warn" data-testid="source-broken-link">
              <strong>Link does not answer:</strong> “{r.title || r.url}” — {r.url}: {r.detail}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
