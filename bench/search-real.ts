// Site-search relevance on real text: `npm run bench:search -- --corpus <MedQuAD folder>` (or MEDQUAD_DIR).
// MedQuAD (Ben Abacha & Demner-Fushman 2019, BMC Bioinformatics 20:511; CC BY 4.0; github.com/abachaa/MedQuAD)
// is read from that folder and never copied into the repository; without it this says so and exits 0.
//
// Every MedQuAD topic document becomes one published article, indexed through the same siteSearch the publish
// transaction uses: title and condition name = the document's focus (what a health site calls its page), summary
// = the first sentence of its first answer, headings = its questions, body = its answers. Then, for each
// document, its questions' focus words are the query (what a reader types), and the document's rank in the
// results is read from the first five pages (50 results; a lower rank counts as not found). Prints MRR@50 and
// recall@10, strictly (this document) and with ties (any document with the same focus, e.g. the same condition
// from two NIH sites: the query cannot tell them apart), and the latency p50.
import { createDb } from "../lib/db/client";
import { dialectFor } from "../lib/db/dialects/dialect";
import { searchArticles } from "../lib/search/search-articles";
import { createBenchDatabase } from "./lib/bench-database";
import { makeUser } from "../tests/helpers/factory";
import { explainMissingMedquad, loadMedquad, medquadDir, MEDQUAD_ATTRIBUTION } from "../scripts/lib/medquad";

const PAGES = 5;

export async function realSearchBench(): Promise<void> {
  const dir = medquadDir();
  if (!dir) return explainMissingMedquad("bench:search (relevance on real text)");
  const docs = loadMedquad(dir).filter((d) => d.focus);
  const scratch = await createBenchDatabase("search-real");
  const db = createDb(scratch.url);
  const writer = await makeUser(db, { roles: ["WRITER"], name: "Bench Writer" });
  console.log(`Search relevance on real text: ${MEDQUAD_ATTRIBUTION}, read from ${dir}; ${docs.length} documents.`);

  const t0 = performance.now();
  const focusOf = new Map<string, string>();
  for (let i = 0; i < docs.length; i += 200) {
    await db.$transaction(
      async (tx) => {
        for (const [n, d] of docs.slice(i, i + 200).entries()) {
          const no = i + n;
          const articleId = `a${no}`;
          const revisionId = `r${no}`;
          const summary = d.answers[0].answer.split(/(?<=[.!?])\s/)[0].slice(0, 300);
          const body = d.answers.map((a) => a.answer).join("\n\n");
          await tx.article.create({
            data: { id: articleId, slug: `medquad-${no}`, conditionName: d.focus, createdById: writer.id },
          });
          await tx.revision.create({
            data: {
              id: revisionId,
              articleId,
              number: 1,
              title: d.focus,
              summary,
              conditionName: d.focus,
              bodyJson: "{}",
              referencesJson: "[]",
              contentHash: `medquad-${no}`,
              authorId: writer.id,
            },
          });
          await tx.article.update({
            where: { id: articleId },
            data: { status: "PUBLISHED", liveRevisionId: revisionId, lastPublishedAt: new Date() },
          });
          await dialectFor(tx).siteSearch.indexArticle(tx, {
            articleId,
            revisionId,
            locale: "en",
            title: d.focus,
            conditionName: d.focus,
            alternativeNames: [],
            summary,
            headings: d.answers.map((a) => a.question).join("\n"),
            body,
          });
          focusOf.set(articleId, d.focus.toLowerCase());
        }
      },
      { timeout: 120_000 },
    );
  }
  console.log(`  indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let rrStrict = 0;
  let rrTies = 0;
  let top10Strict = 0;
  let top10Ties = 0;
  const times: number[] = [];
  for (const [no, d] of docs.entries()) {
    const own = `a${no}`;
    const focus = d.focus.toLowerCase();
    let strict = 0;
    let ties = 0;
    for (let page = 1; page <= PAGES && !strict; page++) {
      const start = performance.now();
      const result = await searchArticles(db, { q: d.focus, page });
      times.push(performance.now() - start);
      result.hits.forEach((h, i) => {
        const rank = (page - 1) * result.pageSize + i + 1;
        if (!strict && h.articleId === own) strict = rank;
        if (!ties && focusOf.get(h.articleId) === focus) ties = rank;
      });
      if (result.hits.length < result.pageSize) break;
    }
    if (strict) rrStrict += 1 / strict;
    if (ties) rrTies += 1 / ties;
    if (strict && strict <= 10) top10Strict++;
    if (ties && ties <= 10) top10Ties++;
  }
  const n = docs.length;
  times.sort((a, b) => a - b);
  console.log(
    `  query = the document's focus words, ${n} queries: MRR@${PAGES * 10} ${(rrStrict / n).toFixed(3)}, ` +
      `recall@10 ${(top10Strict / n).toFixed(3)} (this document); with ties (any document with the same focus): ` +
      `MRR ${(rrTies / n).toFixed(3)}, recall@10 ${(top10Ties / n).toFixed(3)}; ` +
      `query p50 ${times[Math.floor(times.length / 2)].toFixed(2)} ms`,
  );
  await db.$disconnect();
  await scratch.drop();
}
