import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { listCorpusDocuments } from "@/lib/plagiarism/corpus";
import { requirePermission } from "@/app/_server/session";
import { AddCorpusDocumentForm, DeleteCorpusDocumentButton } from "./corpus-forms";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Reference corpus" };

const PAGE_SIZE = 50;

export default async function CorpusPage({ searchParams }: { searchParams: Promise<{ page?: string; q?: string }> }) {
  await requirePermission("corpus.manage", "/studio/corpus");
  const sp = await searchParams;
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const query = (sp.q ?? "").slice(0, 200);
  const { total, docs } = await listCorpusDocuments(db, {
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    query: query || undefined,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <h1>Reference corpus</h1>
      <p>
        Outside texts that submissions are checked against for copying, besides every article&apos;s revisions. Add
        sources one at a time here, or many at once with <code>npm run corpus:import -- &lt;folder&gt;</code>.
      </p>
      <div className="panel-grid">
        <section className="panel" aria-labelledby="corpus-list-heading">
          <h2 id="corpus-list-heading">Sources ({total})</h2>
          <form role="search" method="get" action="/studio/corpus">
            <label htmlFor="corpus-q">Find by title</label>
            <input id="corpus-q" name="q" type="search" defaultValue={query} />{" "}
            <button type="submit" className="secondary">
              Search
            </button>
          </form>
          {docs.length === 0 ? (
            <p className="empty">
              {query ? "No source has that in its title." : "No sources yet. Add the first one with the form."}
            </p>
          ) : (
            <TableScroll label="Corpus sources">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col">Words</th>
                    <th scope="col">Added</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {docs.map((d) => (
                    <tr key={d.id} data-testid="corpus-row">
                      <td>
                        <strong>{d.title}</strong>
                        {d.url && (
                          <>
                            <br />
                            <a href={d.url} rel="noopener noreferrer" className="field-hint">
                              {d.url}
                            </a>
                          </>
                        )}
                      </td>
                      <td>{d.wordCount.toLocaleString("en")}</td>
                      <td>
                        {d.createdAt.toISOString().slice(0, 10)}
                        {d.addedBy ? ` by ${d.addedBy.name}` : ""}
                      </td>
                      <td>
                        <DeleteCorpusDocumentButton id={d.id} title={d.title} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {pages > 1 && (
            <nav aria-label="Corpus pages">
              {page > 1 && (
                <Link href={`/studio/corpus?page=${page - 1}${query ? `&q=${encodeURIComponent(query)}` : ""}`}>
                  Previous
                </Link>
              )}{" "}
              Page {page} of {pages}{" "}
              {page < pages && (
                <Link href={`/studio/corpus?page=${page + 1}${query ? `&q=${encodeURIComponent(query)}` : ""}`}>
                  Next
                </Link>
              )}
            </nav>
          )}
        </section>
        <section className="panel">
          <AddCorpusDocumentForm />
        </section>
      </div>
    </>
  );
}
