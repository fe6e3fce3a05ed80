import type { ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";
import type { PublicReference } from "@/lib/public/types";

/**
 * The numbered reference list. Item N has id="ref-N", the target of the superscript links in the body, and
 * links back to each place it is cited (cite-N-K) so keyboard and screen-reader users can return to the text.
 * The citation text itself comes escaped from the renderer (lib/content/render.ts renderReferenceBody).
 * A back-link's accessible name starts with what it shows ("↩︎") and goes on in words for screen readers, so
 * the name contains the visible text (voice control users can say what they see).
 */
export function ReferenceList({ references, locale = "en" }: { references: PublicReference[]; locale?: ReaderLocale }) {
  if (!references.length) return null;
  const m = readerMessages(locale).article;
  return (
    <section className="pub-references" aria-labelledby="references-heading">
      <h2 id="references-heading">{m.references}</h2>
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
                    <span className="visually-hidden">{m.backToCitation(r.number, i + 1, r.citedCount)}</span>
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
