// The demo condition article of PRODUCT.md ("Demo content (seed)"), written in our own words from the facts
// listed there, as the Tiptap JSON the editor produces: headings of the condition template, paragraphs, bullet
// lists, and inline `citation` nodes (attrs `{ refKey }`) pointing at the references below.
//
// !! The references' bibliographic details (titles, URLs, missing authors/year/DOI) are placeholders chosen so
// !! that every link resolves to the right source family (MedlinePlus; the Journal of Clinical Medicine via a
// !! PubMed search). Check and complete them against the real sources before any real use of this article.

import type { ReferenceSnapshot } from "../../lib/content/reference-snapshot";

export const DEMO_ARTICLE_SLUG = "calcinosis-cutis";

type Mark = { type: "bold" | "italic" };
type InlineNode = { type: "text"; text: string; marks?: Mark[] } | { type: "citation"; attrs: { refKey: string } };
type BlockNode =
  | { type: "heading"; attrs: { level: 2 | 3 }; content: InlineNode[] }
  | { type: "paragraph"; content: InlineNode[] }
  | { type: "bulletList"; content: { type: "listItem"; content: BlockNode[] }[] };
export interface DemoDoc {
  type: "doc";
  content: BlockNode[];
}

/** The seed's reference rows: the snapshot fields, with the accessed date as a Date for Prisma. */
export type DemoReference = Omit<ReferenceSnapshot, "accessedAt"> & { accessedAt: Date | null };

// ── small builders so the document below reads like the article ──
export const t = (text: string): InlineNode => ({ type: "text", text });
export const b = (text: string): InlineNode => ({ type: "text", text, marks: [{ type: "bold" }] });
export const cite = (refKey: string): InlineNode => ({ type: "citation", attrs: { refKey } });
export const h2 = (text: string): BlockNode => ({ type: "heading", attrs: { level: 2 }, content: [t(text)] });
export const p = (...content: InlineNode[]): BlockNode => ({ type: "paragraph", content });
export const ul = (...items: InlineNode[][]): BlockNode => ({
  type: "bulletList",
  content: items.map((content) => ({ type: "listItem", content: [{ type: "paragraph", content }] })),
});

export const MEDLINEPLUS = "medlineplus-calcinosis";
export const JCM_REVIEW = "jcm-calcinosis-cutis-review";

export const demoReferences: DemoReference[] = [
  {
    key: MEDLINEPLUS,
    authors: "",
    title: "Calcinosis",
    containerTitle: "MedlinePlus, U.S. National Library of Medicine",
    year: null,
    // CHECK BEFORE REAL USE: MedlinePlus search for the topic, standing in for the exact MedlinePlus page.
    url: "https://vsearch.nlm.nih.gov/vivisimo/cgi-bin/query-meta?v%3Aproject=medlineplus&v%3Asources=medlineplus-bundle&query=calcinosis",
    doi: null,
    pmid: null,
    accessedAt: new Date("2026-11-20T00:00:00.000Z"),
    peerReviewed: false,
  },
  {
    key: JCM_REVIEW,
    // CHECK BEFORE REAL USE: authors, year, DOI and PMID of the review are deliberately left empty rather than
    // guessed; the URL is a PubMed search that finds the review.
    authors: "",
    title: "Calcinosis cutis: a comprehensive review",
    containerTitle: "Journal of Clinical Medicine",
    year: null,
    url: "https://pubmed.ncbi.nlm.nih.gov/?term=calcinosis+cutis+review+%22J+Clin+Med%22",
    doi: null,
    pmid: null,
    accessedAt: new Date("2026-11-20T00:00:00.000Z"),
    peerReviewed: true,
  },
];

export const demoArticle = {
  slug: DEMO_ARTICLE_SLUG,
  title: "Calcinosis Cutis: Causes, Symptoms, Treatment, Diagnosis",
  conditionName: "Calcinosis cutis",
  alternativeNames: ["Cutaneous calcification", "Calcium deposits in the skin"],
  summary:
    "Calcinosis cutis is a rare condition in which calcium deposits build up in the skin. Learn about its four types, " +
    "what causes it, the signs to look for, and how it is diagnosed and treated.",
  changeSummary: "First publication.",
  body: {
    type: "doc",
    content: [
      h2("What is it?"),
      p(
        t("Calcinosis cutis is a condition in which calcium salts collect in the skin"),
        cite(MEDLINEPLUS),
        t(
          ". The deposits usually sit in or just under the skin, but they can reach deeper tissue, including muscle and, in some people, internal organs.",
        ),
      ),
      p(
        t(
          "It is rare, and it affects men and women about equally. Small deposits may cause no trouble at all. Larger ones can hurt, change the shape of the area, " +
            "break down into open sores (ulcers) and, in rare cases, lead to gangrene.",
        ),
      ),

      h2("Types"),
      p(t("Doctors sort calcinosis cutis into four types according to what sets it off"), cite(JCM_REVIEW), t(":")),
      ul(
        [
          b("Dystrophic."),
          t(
            " The most common type. Calcium settles in tissue that is already damaged, for example by inflammation, cancer or tissue death (necrosis). Blood levels of calcium and phosphate are normal.",
          ),
        ],
        [
          b("Metastatic."),
          t(
            " The blood carries too much calcium and phosphate, and calcium salts come out of it into tissue that was healthy.",
          ),
        ],
        [
          b("Idiopathic."),
          t(" No cause can be found: the tissue was not damaged beforehand and blood levels are normal."),
        ],
        [
          b("Iatrogenic."),
          t(
            " A medicine or a medical procedure is the cause, such as an injection of calcium or phosphate. It usually clears up once that treatment is over.",
          ),
        ],
      ),

      h2("Causes"),
      p(
        t(
          "Deposits form when calcium and phosphate combine into hard crystals that the body cannot easily clear. Damage that can lead to the dystrophic type includes:",
        ),
      ),
      ul(
        [t("acne")],
        [t("connective tissue disease")],
        [t("skin infections")],
        [t("injury to the skin (trauma)")],
        [t("tumours, whether benign or cancerous")],
        [t("varicose veins")],
      ),
      p(
        t(
          "In the metastatic type the trigger is not local damage but high levels of calcium and phosphate in the blood.",
        ),
      ),

      h2("Symptoms"),
      p(
        t(
          "The usual sign is one or more firm, white bumps in the skin. Small ones are called papules and larger ones nodules; they can slowly get bigger. Over time:",
        ),
      ),
      ul(
        [t("a bump can break open into an ulcer and leak a whitish material")],
        [t("the area can become painful or change shape")],
        [t("deposits close to a joint can make it stiff and limit how far it moves")],
      ),

      h2("Diagnosis"),
      p(
        t(
          "A healthcare provider looks at the skin and asks about your health, medicines and any recent procedures. Tests then help find the type and the cause",
        ),
        cite(JCM_REVIEW),
        t(":"),
      ),
      ul(
        [b("Blood tests"), t(" measure calcium and phosphate.")],
        [b("Imaging"), t(", such as X-rays, shows how large the deposits are and how deep they go.")],
        [b("A biopsy"), t(", in which a small sample of skin is examined under a microscope, confirms the diagnosis.")],
      ),

      h2("Treatment"),
      p(
        t(
          "Treatment starts with the condition behind the deposits, because controlling the cause can stop new ones from forming",
        ),
        cite(MEDLINEPLUS),
        t(". Medicines that may be tried include:"),
      ),
      ul([t("corticosteroids")], [t("colchicine")], [t("bisphosphonates")], [t("diltiazem")]),
      p(
        t("Surgery to remove deposits is kept as a last resort"),
        cite(JCM_REVIEW),
        t(
          ". An operation can itself make the condition worse, and deposits often come back after they have been cut out.",
        ),
      ),

      h2("Outlook"),
      p(
        t(
          "Calcinosis cutis caused by a medicine or procedure usually goes away once that treatment ends. For the other types, the outlook depends on the condition " +
            "behind the deposits and how well it can be controlled. See a healthcare provider if a lump in your skin grows, hurts, or breaks open.",
        ),
      ),
    ],
  } satisfies DemoDoc,
};
