// Conditions A–Z in one language: letter navigation (links to headings on the same page), one heading per
// letter, each condition linked to its article and each alternative name pointing to it ("Lay term → see Real
// name"). Rendered per request from the cached list (expired by every publish); no client JavaScript.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";
import { LETTERS } from "@/lib/public/list-conditions";
import { articlePath } from "@/lib/public/site";
import { cachedConditions } from "../_data/public-data";

export function conditionsMetadata(locale: ReaderLocale): Metadata {
  const m = readerMessages(locale).conditions;
  return { title: m.title, description: m.description };
}

const letterId = (letter: string) => (letter === "#" ? "letter-other" : `letter-${letter.toLowerCase()}`);

export async function ConditionsView({ locale }: { locale: ReaderLocale }) {
  const groups = await cachedConditions(locale);
  const present = new Set(groups.map((g) => g.letter));
  const m = readerMessages(locale);
  return (
    <main id="main" className="pub-main pub-wrap" tabIndex={-1}>
      <h1 className="pub-page-title">{m.conditions.title}</h1>
      {groups.length === 0 ? (
        <p className="pub-empty">{m.home.empty}</p>
      ) : (
        <>
          <nav aria-label={m.conditions.letters} className="pub-letters">
            <ul>
              {LETTERS.map((letter) => (
                <li key={letter}>
                  {present.has(letter) ? (
                    <a href={`#${letterId(letter)}`}>
                      {letter === "#" ? <span aria-label={m.conditions.other}>#</span> : letter}
                    </a>
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
              <h2 id={letterId(group.letter)}>{group.letter === "#" ? m.conditions.other : group.letter}</h2>
              <ul className="pub-conditions">
                {group.entries.map((entry) => (
                  <li key={`${entry.name}|${entry.slug}`}>
                    {entry.see === null ? (
                      <Link href={articlePath(entry.slug, locale)} prefetch={false}>
                        {entry.name}
                      </Link>
                    ) : (
                      <>
                        {entry.name} <span aria-hidden="true">→</span> {m.conditions.see}{" "}
                        <Link href={articlePath(entry.slug, locale)} prefetch={false}>
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
