import type { PublicReference } from "@/lib/public/types";

/**
 * The numbered reference list. Item N has id="ref-N", the target of the superscript links in the body, and
 * links back to each place it is cited (cite-N-K) so keyboard and screen-reader users can return to the text.
 * The citation text itself comes escaped from the renderer (lib/content/render.ts renderReferenceBody).
 * A back-link's accessible name starts with what it shows ("↩︎") and goes on in words for screen readers, so
 * the name contains the visible text (voice control users can say what they see).
 */
export function ReferenceList({ references }: { references: PublicReference[] }) {
  if (!references.length) return null;
  return (
    <section className="pub-references" aria-labelledby="references-heading">
      <h2 id="references-heading">References</h2>
      <ol>
        {references.map((r) => (
          <li key={r.key} id={`ref-${r.number}`} value={r.number}>
            <span dangerouslySetInnerHTML={{ __html: r.html }} />
            {r.citedCount > 0 ? (
              <span className="pub-backlinks">
                {" "}
                {Array.from({ length: r.citedCount }, (_, i) => (
                  <a key={i} href={`#cite-${r.number}-${i + 1}`}>
                    ↩︎
                    <span className="visually-hidden">
                      {` Back to citation ${r.number}${r.citedCount > 1 ? ` (${i + 1} of ${r.citedCount})` : ""} in the text`}
                    </span>
                  </a>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
