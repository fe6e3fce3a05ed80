// The editorial policy readers are pointed to from every article, in one language. Static text from the
// language's catalogue (lib/i18n): each statement there is a rule the system enforces (lib/), not a promise kept
// by hand.
import type { Metadata } from "next";
import Link from "next/link";
import { localizedPath, type ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";

export function editorialPolicyMetadata(locale: ReaderLocale): Metadata {
  const m = readerMessages(locale).policy;
  return { title: m.title, description: m.description };
}

export function EditorialPolicyView({ locale }: { locale: ReaderLocale }) {
  const all = readerMessages(locale);
  const m = all.policy;
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow pub-prose" tabIndex={-1}>
      <h1>{m.title}</h1>
      <p className="pub-summary">{m.summary}</p>
      {m.sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id}>{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {s.terms ? (
            <ul>
              {s.terms.map((t) => (
                <li key={t.term}>
                  <strong>{t.term}</strong>: {t.meaning}
                </li>
              ))}
            </ul>
          ) : null}
          {(s.after ?? []).map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
      <p>
        <Link href={localizedPath(locale, "/")} prefetch={false}>
          {all.article.browseAll}
        </Link>
      </p>
    </main>
  );
}
