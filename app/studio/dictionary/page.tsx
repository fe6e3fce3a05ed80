import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { listDictionaryWords } from "@/lib/checks/dictionary";
import { MEDICAL_WORDS } from "@/lib/checks/medical-words";
import { requirePermission } from "@/app/_server/session";
import { AddWordForm, RemoveWordButton } from "./dictionary-forms";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Project dictionary" };

export default async function DictionaryPage() {
  await requirePermission("dictionary.manage", "/studio/dictionary");
  const words = await listDictionaryWords(db);
  return (
    <>
      <h1>Project dictionary</h1>
      <p>
        Words the spelling check accepts on top of the English dictionary and the {MEDICAL_WORDS.length} medical terms
        that ship with Imprimatur: names, drug and brand names, house terms.
      </p>
      <div className="panel-grid">
        <section className="panel" aria-labelledby="words-heading">
          <h2 id="words-heading">Words ({words.length})</h2>
          {words.length === 0 ? (
            <p className="empty">No project words yet.</p>
          ) : (
            <TableScroll label="Project words">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Word</th>
                    <th scope="col">Added</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {words.map((w) => (
                    <tr key={w.word} data-testid="dictionary-row">
                      <td>{w.word}</td>
                      <td>
                        {w.createdAt.toISOString().slice(0, 10)}
                        {w.addedBy ? ` by ${w.addedBy.name}` : ""}
                      </td>
                      <td>
                        <RemoveWordButton word={w.word} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
        <section className="panel">
          <AddWordForm />
        </section>
      </div>
    </>
  );
}
