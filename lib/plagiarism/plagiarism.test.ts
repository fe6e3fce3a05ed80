// The plagiarism check end to end on a real (test) database: fixtures for each way of copying.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import {
  CELLULITIS_REWRITTEN,
  CELLULITIS_SAME_TOPIC,
  CELLULITIS_SOURCE,
  doc,
  FEW_WORDS_CHANGED,
  QUOTED_SENTENCE,
  REORDERED,
  REWORDED,
  SOURCE_PARAGRAPHS,
  SOURCE_TITLE,
  SOURCE_URL,
  STOCK_PHRASE,
  UNRELATED_TEXT,
  VERBATIM_COPY,
} from "../../tests/fixtures/plagiarism/texts";
import { latestContentCheckRun } from "../checks/check-content";
import { afterRevisionFrozen } from "../revisions/after-freeze";
import { addCorpusDocument, deleteCorpusDocument, importCorpusDocuments } from "./corpus";
import { fileToText } from "./corpus-text";
import { latestPlagiarismReport } from "./read-report";
import { checkRevisionPlagiarism, indexRevision } from "./check-revision";
import type { PlagiarismChecker } from "./checker";
import { indexMissingSources } from "./reindex";
import { MAX_CANDIDATES, matchText } from "./match-text";

const t = createTestDb();
afterAll(() => t.cleanup());

let userId = "";
/** An editor may read every article, so reports come back whole (redaction is tested in redact-report.test.ts). */
const editor = () => ({ id: userId, name: "Writer", email: "w@example.org", status: "ACTIVE", roles: ["EDITOR"] });
let sourceId = "";
let n = 0;

async function article(slug: string) {
  return t.db.article.create({ data: { slug, createdById: userId } });
}

async function freeze(articleId: string, body: unknown, extra: { title?: string; summary?: string } = {}) {
  const number = (await t.db.revision.count({ where: { articleId } })) + 1;
  return t.db.revision.create({
    data: {
      articleId,
      number,
      title: extra.title ?? `Test article ${++n}`,
      summary: extra.summary ?? "",
      bodyJson: JSON.stringify(body),
      referencesJson: "[]",
      contentHash: `hash-${n}-${number}`,
      authorId: userId,
    },
  });
}

async function checkBody(body: unknown) {
  const a = await article(`article-${++n}`);
  const r = await freeze(a.id, body);
  const result = await afterRevisionFrozen(t.db, r.id);
  expect(result.errors).toEqual([]);
  return (await latestPlagiarismReport(t.db, r.id, editor()))!;
}

beforeAll(async () => {
  const user = await makeUser(t.db, { name: "Writer" });
  userId = user.id;
  const source = await addCorpusDocument(t.db, userId, {
    title: SOURCE_TITLE,
    url: SOURCE_URL,
    text: SOURCE_PARAGRAPHS,
  });
  sourceId = source.id;
  await addCorpusDocument(t.db, userId, { title: "Pollen allergy", text: UNRELATED_TEXT + " " + UNRELATED_TEXT });
});

describe("plagiarism check", () => {
  it("finds a paragraph copied verbatim, names the source and shows both sides", async () => {
    const report = await checkBody(doc(VERBATIM_COPY));
    expect(report.checker).toBe("imprimatur-winnowing");
    expect(report.matches).toHaveLength(1);
    const m = report.matches[0];
    expect(m.source).toMatchObject({ kind: "CORPUS", id: sourceId, title: SOURCE_TITLE, url: SOURCE_URL });
    expect(m.passages).toHaveLength(1);
    expect(m.passages[0].ours.text).toMatch(/^The most frequent form follows damage.*within the normal range$/);
    expect(m.passages[0].theirs.text).toBe(m.passages[0].ours.text);
    expect(report.similarity).toBeGreaterThan(50);
    expect(report.similarity).toBeLessThan(100);
    expect(m.percent).toBe(report.similarity);
    expect(report.parameters).toMatchObject({ k: 5, w: 6, guaranteeThresholdWords: 10 });
  });

  it("finds a paragraph with a few words changed as one passage", async () => {
    const report = await checkBody(doc(FEW_WORDS_CHANGED));
    expect(report.matches.map((m) => m.source.id)).toEqual([sourceId]);
    expect(report.matches[0].passages).toHaveLength(1);
    expect(report.matches[0].passages[0].theirs.text).toContain("cutting out the deposits");
    expect(report.similarity).toBeGreaterThan(50);
  });

  it("finds a reworded paragraph as one reworded passage, with the changed words marked on both sides", async () => {
    const report = await checkBody(doc("Calcinosis cutis describes hard deposits of calcium in the skin. " + REWORDED));
    // (An earlier test's revision holds the verbatim paragraph, so it is found as well.)
    const corpus = report.matches.find((m) => m.source.id === sourceId)!;
    const passages = corpus.passages;
    expect(passages).toHaveLength(1);
    const p = passages[0];
    expect(p.kind).toBe("reworded");
    expect(p.ours.text).toMatch(/^common type follows injury.*frequent background for this type$/);
    expect(p.theirs.text).toMatch(/^frequent form follows damage.*common background for this form$/);
    const marked = (side: typeof p.ours) => side.changed!.map(([s, e]) => side.text.slice(s, e));
    expect(marked(p.ours)).toEqual(expect.arrayContaining(["common type", "injury", "remains inside", "Disorders"]));
    expect(marked(p.theirs)).toEqual(expect.arrayContaining(["frequent form", "damage", "stays within"]));
    expect(marked(p.ours)).not.toContain("calcium");
    // Overall similarity counts the reworded words (38 of the 49 words).
    expect(report.similarity).toBeGreaterThan(70);
    expect(report.parameters).toMatchObject({ reworded: { shingleKeys: 3 } });
  });

  it("the exact stage alone does not find that reworded paragraph (the reason for the second stage)", async () => {
    // (The revision checked in the test above holds the same words, so only the corpus source is asked about.)
    const result = await matchText(t.db, REWORDED, { stages: "exact" });
    expect(result.matches.map((m) => m.source.id)).not.toContain(sourceId);
    const both = await matchText(t.db, REWORDED);
    expect(both.matches.map((m) => m.source.id)).toContain(sourceId);
  });

  it("finds reordered sentences, each as its own passage", async () => {
    const report = await checkBody(doc(REORDERED));
    expect(report.matches.map((m) => m.source.id)).toEqual([sourceId]);
    expect(report.matches[0].passages.length).toBe(3);
    expect(report.similarity).toBeGreaterThan(70);
  });

  it("ignores a quoted passage, in quotation marks or as a blockquote", async () => {
    const inline = await checkBody(doc(`As one review puts it, “${QUOTED_SENTENCE}” We agree with that summary.`));
    expect(inline.matches).toEqual([]);
    expect(inline.similarity).toBe(0);
    const block = await checkBody(
      doc(
        "A dermatology textbook describes the process:",
        { quote: QUOTED_SENTENCE },
        "Its authors studied many patients.",
      ),
    );
    expect(block.matches).toEqual([]);
  });

  it("ignores an unrelated article", async () => {
    const report = await checkBody(
      doc(
        "Calcinosis cutis is rare. Our editors describe the signs, the tests that confirm it and how doctors treat it, in plain words written for this site and for nobody else.",
      ),
    );
    expect(report.matches).toEqual([]);
    expect(report.similarity).toBe(0);
  });

  it("finds copying from another article's revision but not from the article's own earlier revisions", async () => {
    const original = await article("original-article");
    const r1 = await freeze(original.id, doc(UNRELATED_TEXT.replace("Seasonal", "Hay fever, or seasonal")));
    await afterRevisionFrozen(t.db, r1.id);
    // The same article's next revision repeats its own text: not plagiarism.
    const r2 = await freeze(
      original.id,
      doc(UNRELATED_TEXT.replace("Seasonal", "Hay fever, or seasonal") + " A new closing line."),
    );
    await afterRevisionFrozen(t.db, r2.id);
    const own = (await latestPlagiarismReport(t.db, r2.id, editor()))!;
    expect(own.matches.filter((m) => m.source.kind === "REVISION")).toEqual([]);
    // A different article copying it is caught, with that revision named.
    const other = await checkBody(doc("Our introduction. " + UNRELATED_TEXT.slice(0, 200)));
    const kinds = other.matches.map((m) => `${m.source.kind}:${m.source.articleId ?? m.source.title}`);
    expect(kinds).toContain(`REVISION:${original.id}`);
    expect(kinds).toContain("CORPUS:Pollen allergy");
  });

  it("compares an article only with articles in its own language", async () => {
    const shared =
      "Lantern fish migrate toward the surface of the ocean every night to feed on plankton, then sink again before dawn to hide from predators in the dark water far below. Their glowing organs help them recognise one another during this long daily journey.";
    const english = await article("lantern-fish-en");
    const r1 = await freeze(english.id, doc(shared));
    await afterRevisionFrozen(t.db, r1.id);
    // A Spanish article with the same words (a translation keeps names, numbers and quoted passages) is not
    // compared with the English one.
    const spanish = await t.db.article.create({ data: { slug: "lantern-fish-es", createdById: userId, locale: "es" } });
    const r2 = await freeze(spanish.id, doc("Nuestra introducción. " + shared));
    await afterRevisionFrozen(t.db, r2.id);
    const es = (await latestPlagiarismReport(t.db, r2.id, editor()))!;
    expect(es.matches.map((m) => m.source.articleId)).not.toContain(english.id);
    // Another English article with the same words is.
    const en = await checkBody(doc("Our introduction. " + shared));
    expect(en.matches.map((m) => m.source.articleId)).toContain(english.id);
  });

  it("stores a content-check run next to the report", async () => {
    const a = await article("checked");
    const r = await freeze(a.id, doc({ heading: "Causes" }), { summary: "" });
    await afterRevisionFrozen(t.db, r.id);
    const run = (await latestContentCheckRun(t.db, r.id))!;
    expect(run.blocking).toBeGreaterThan(0);
    expect(run.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["missing-summary", "empty-section"]));
  });

  it("stops finding a corpus document once it is removed", async () => {
    const extra = await addCorpusDocument(t.db, userId, {
      title: "Temporary",
      text: "Zebra crossings were painted near every school in the town after the council voted for safer routes to school last spring.",
    });
    const before = await checkBody(
      doc("Zebra crossings were painted near every school in the town after the council voted for safer routes."),
    );
    expect(before.matches.map((m) => m.source.id)).toContain(extra.id);
    await deleteCorpusDocument(t.db, userId, extra.id);
    expect(await t.db.fingerprintSource.count({ where: { sourceId: extra.id } })).toBe(0);
    const after = await checkBody(
      doc("Zebra crossings were painted near every school in the town after the council voted for safer routes."),
    );
    // (The earlier checked revision now matches too, as it should; the removed document must not.)
    expect(after.matches.map((m) => m.source.id)).not.toContain(extra.id);
  });

  it("imports many documents at once (the corpus:import path) and finds copying from one of them", async () => {
    const html = fileToText(
      "leaflet.html",
      "<html><head><title>Kidney stones &amp; you</title><style>p{}</style></head><body><h1>Kidney stones</h1><p>Drinking plenty of water every day dilutes the urine so that minerals are less likely to form hard crystals inside the kidneys.</p><script>alert(1)</script></body></html>",
    );
    expect(html.title).toBe("Kidney stones & you");
    expect(html.text).not.toContain("alert");
    const md = fileToText(
      "notes/gout-basics.md",
      "# Gout basics\n\nA **sudden**, painful swelling of the big toe at night is the [classic](https://x.org) first attack of gout in many adults.",
    );
    expect(md.title).toBe("Gout basics");
    expect(md.text).toContain("A sudden, painful swelling of the big toe at night is the classic first attack");
    const progress: number[] = [];
    const ids = await importCorpusDocuments(
      t.db,
      userId,
      [
        html,
        md,
        { title: "Plain", text: "Plain text document with enough words to be accepted by the importer today." },
      ],
      { onProgress: (n) => progress.push(n) },
    );
    expect(ids).toHaveLength(3);
    expect(progress).toEqual([3]);
    const report = await checkBody(
      doc(
        "Our article says that a sudden, painful swelling of the big toe at night is the classic first attack of gout.",
      ),
    );
    expect(report.matches.map((m) => m.source.title)).toContain("Gout basics");
    await expect(importCorpusDocuments(t.db, userId, [{ title: "Too short", text: "Two words" }])).rejects.toThrow(
      /Document 1/,
    );
  });

  it("indexes revisions that were frozen without the checks (seed, restore), once", async () => {
    const a = await article("seeded");
    const r = await freeze(
      a.id,
      doc("A revision frozen by a seed script, never indexed, about lighthouse keepers on remote northern islands."),
    );
    const first = await indexMissingSources(t.db);
    expect(first.revisions).toBe(1);
    expect(await t.db.fingerprintSource.count({ where: { sourceId: r.id } })).toBe(1);
    expect((await indexMissingSources(t.db)).revisions).toBe(0);
    // Frozen without the checks again: the next check notices and indexes it before matching.
    const r2 = await freeze(
      a.id,
      doc("Another seeded text, never indexed, about beekeepers who move their hives to the heather moors in August."),
    );
    const other = await checkBody(
      doc("We write that some beekeepers who move their hives to the heather moors in August get dark honey."),
    );
    expect(other.matches.map((m) => m.source.id)).toContain(r2.id);
    const copy = await checkBody(
      doc("Our own text: a revision frozen by a seed script, never indexed, about lighthouse keepers and their lives."),
    );
    expect(copy.matches.map((m) => m.source.id)).toContain(r.id);
  });

  it("stores a report from an outside checker through the same interface; the latest report is the one read", async () => {
    const a = await article("outside-checked");
    const r = await freeze(
      a.id,
      doc("Text checked by an outside service as well as by our own index, for this test only."),
    );
    await afterRevisionFrozen(t.db, r.id);
    const seen: string[] = [];
    const outside: PlagiarismChecker = {
      name: "acme-similarity-service",
      async check(input) {
        seen.push(input.text);
        return { similarity: 42, wordCount: 18, matches: [], parameters: { service: "acme", version: 3 } };
      },
    };
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct createdAt
    await checkRevisionPlagiarism(t.db, r.id, outside);
    expect(seen[0]).toContain("Text checked by an outside service");
    const latest = (await latestPlagiarismReport(t.db, r.id, editor()))!;
    expect(latest).toMatchObject({
      checker: "acme-similarity-service",
      similarity: 42,
      parameters: { service: "acme", version: 3 },
    });
  });

  it("still finds a real source when the article's own revisions are many and share the copied text", async () => {
    const a = await article("resubmitted-often");
    const body = doc(VERBATIM_COPY);
    for (let i = 0; i < MAX_CANDIDATES * 2 + 5; i++) {
      const r = await freeze(a.id, body);
      await t.db.$transaction((tx) => indexRevision(tx, r.id));
    }
    const last = await freeze(a.id, body);
    const result = await afterRevisionFrozen(t.db, last.id);
    expect(result.errors).toEqual([]);
    const report = (await latestPlagiarismReport(t.db, last.id, editor()))!;
    expect(report.matches.map((m) => m.source.id)).toContain(sourceId);
    expect(report.matches.filter((m) => m.source.articleId === a.id)).toEqual([]);
  });

  it("finds copying from an article with many revisions, named once (its best-matching revision)", async () => {
    // "resubmitted-often" above has more revisions than the boilerplate limit, all holding VERBATIM_COPY.
    const report = await checkBody(doc("An introduction of ours. " + VERBATIM_COPY));
    const fromOften = report.matches.filter(
      (m) => m.source.kind === "REVISION" && m.source.title.startsWith("Test article") && m.percent > 50,
    );
    const articles = new Set(report.matches.filter((m) => m.source.kind === "REVISION").map((m) => m.source.articleId));
    expect(articles.size).toBe(report.matches.filter((m) => m.source.kind === "REVISION").length);
    expect(fromOften.length).toBeGreaterThan(0);
    expect(report.matches.map((m) => m.source.id)).toContain(sourceId);
  });

  it("finds a heavily rewritten paragraph as a rewritten passage, with both sides", async () => {
    const source = await addCorpusDocument(t.db, userId, { title: "Cellulitis leaflet", text: CELLULITIS_SOURCE });
    const report = await checkBody(doc("Our clinic's advice on skin infections.", CELLULITIS_REWRITTEN));
    const m = report.matches.find((x) => x.source.id === source.id)!;
    expect(m).toBeDefined();
    expect(m.passages).toHaveLength(1);
    const p = m.passages[0];
    expect(p.kind).toBe("rewritten");
    expect(p.ours.text).toMatch(/^When germs get into .* you feel extremely unwell$/);
    expect(p.theirs.text).toMatch(/^Cellulitis is a bacterial infection .* you feel very ill$/);
    expect(p.matchedWords).toBeGreaterThanOrEqual(6);
    expect(report.similarity).toBeGreaterThan(70);
    expect(report.parameters).toMatchObject({ rewritten: { minStrongGroups: 3 } });
    // The exact and reworded stages alone see nothing here.
    const exactOnly = await matchText(t.db, CELLULITIS_REWRITTEN, { stages: "exact" });
    expect(exactOnly.matches.map((x) => x.source.id)).not.toContain(source.id);
    // A text on the same topic from another angle is not a copy.
    const sameTopic = await checkBody(doc(CELLULITIS_SAME_TOPIC));
    expect(sameTopic.matches).toEqual([]);
  });

  it("names no source for a stock phrase of medical writing, even in a small corpus", async () => {
    const a = await addCorpusDocument(t.db, userId, {
      title: "Hepatitis research news",
      text: `Work on liver scarring in adults is paid for by ${STOCK_PHRASE}, which also trains young hepatologists in several cities.`,
    });
    const report = await checkBody(
      doc(`Our guide to bedwetting in children cites ${STOCK_PHRASE} as one place to read more about bladder control.`),
    );
    expect(report.matches.map((m) => m.source.id)).not.toContain(a.id);
  });

  it("names none of several unrelated sources that share a sentence, but names a single one", async () => {
    const formula = "Keep every one of your medicines well away from the sight and reach of small children at home.";
    const sharing = await Promise.all(
      ["Earache in toddlers", "Treating head lice", "Hay fever tablets"].map((title, i) =>
        addCorpusDocument(t.db, userId, {
          title,
          text: `${["Ear drops ease the pain within a day.", "Comb wet hair every three days.", "Take one tablet each morning."][i]} ${formula}`,
        }),
      ),
    );
    const shared = await checkBody(doc(`Iron syrup for anaemia is taken with juice. ${formula}`));
    expect(shared.matches.map((m) => m.source.id).filter((id) => sharing.some((s) => s.id === id))).toEqual([]);
    const single = await addCorpusDocument(t.db, userId, {
      title: "Lighthouse history",
      text: "The keepers of the northern lighthouse rowed their supply boat across the bay every second Thursday in summer.",
    });
    const once = await checkBody(
      doc("Old records say the keepers of the northern lighthouse rowed their supply boat across the bay with care."),
    );
    expect(once.matches.map((m) => m.source.id)).toContain(single.id);
  });

  it("names no source for a lone match of eight or nine words", async () => {
    const source = await addCorpusDocument(t.db, userId, {
      title: "Joint care",
      text: "Rheumatoid arthritis often causes pain, swelling and stiffness in the joints for an hour or so each morning.",
    });
    const report = await checkBody(
      doc("Psoriatic disease sometimes causes pain, swelling and stiffness in the joints, mostly in the toes."),
    );
    expect(report.matches.map((m) => m.source.id)).not.toContain(source.id);
  });
});
