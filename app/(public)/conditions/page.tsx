// Conditions A–Z: letter navigation (links to headings on the same page), one heading per letter, each
// condition linked to its article and each alternative name pointing to it ("Lay term → see Real name").
// Rendered per request from the cached list (expired by every publish); no client JavaScript.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { LETTERS } from "@/lib/public/list-conditions";
import { articlePath } from "@/lib/public/site";
import { cachedConditions } from "../_data/public-data";

export const metadata: Metadata = {
  title: "Conditions A–Z",
  description: "Every condition we have a medically reviewed article about, from A to Z, with other names for it.",
};

const letterId = (letter: string) => (letter === "#" ? "letter-other" : `letter-${letter.toLowerCase()}`);

export default async function ConditionsPage() {
  await connection();
  const groups = await cachedConditions();
  const present = new Set(groups.map((g) => g.letter));
  return (
    <main id="main" className="pub-main pub-wrap" tabIndex={-1}>
      <h1 className="pub-page-title">Conditions A–Z</h1>
      {groups.length === 0 ? (
        <p className="pub-empty">No articles have been published yet. Please come back soon.</p>
      ) : (
        <>
          <nav aria-label="Letters" className="pub-letters">
            <ul>
              {LETTERS.map((letter) => (
                <li key={letter}>
                  {present.has(letter) ? (
                    <a href={`#${letterId(letter)}`}>{letter === "#" ? <span aria-label="Other">#</span> : letter}</a>
                  ) : (
                    <span className="pub-letter-empty" aria-hidden="true">
                      {letter}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {groups.map((group) => (
            <section key={group.letter} aria-labelledby={letterId(group.letter)} className="pub-letter-group">
              <h2 id={letterId(group.letter)}>{group.letter === "#" ? "Other" : group.letter}</h2>
              <ul className="pub-conditions">
                {group.entries.map((entry) => (
                  <li key={`${entry.name}|${entry.slug}`}>
                    {entry.see === null ? (
                      <Link href={articlePath(entry.slug)} prefetch={false}>
                        {entry.name}
                      </Link>
                    ) : (
                      <>
                        {entry.name} <span aria-hidden="true">→</span> see{" "}
                        <Link href={articlePath(entry.slug)} prefetch={false}>
                          {entry.see}
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </main>
  );
}
