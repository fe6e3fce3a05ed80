import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { createReference, deleteReference, listReferences, updateReference } from "./manage-references";
import { referenceInputSchema } from "./reference-schema";
import { viaSchema } from "../../tests/helpers/via-schema";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("references", () => {
  it("creates references with readable unique keys and normalised DOI/PMID", async () => {
    const w = await makeUser(t.db);
    const a = await makeArticle(t.db, { authorId: w.id });
    const r1 = await viaSchema(
      referenceInputSchema,
      {
        authors: "Smith J, Doe A",
        title: "Calcinosis",
        year: "2021",
        doi: "https://doi.org/10.3390/jcm10010001",
        pmid: "PMID: 33375123",
        accessedAt: "2026-01-02",
        peerReviewed: "on",
      },
      (i) => createReference(t.db, w, a.id, i),
    );
    const r2 = await viaSchema(
      referenceInputSchema,
      {
        authors: "Smith K",
        title: "Another",
        year: 2021,
        url: "https://example.org",
      },
      (i) => createReference(t.db, w, a.id, i),
    );
    expect(r1).toMatchObject({
      key: "smith2021",
      doi: "10.3390/jcm10010001",
      pmid: "33375123",
      peerReviewed: true,
      position: 0,
    });
    expect(r1.accessedAt?.toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(r2).toMatchObject({ key: "smith2021b", position: 1, url: "https://example.org" });
    expect((await listReferences(t.db, a.id)).map((r) => r.key)).toEqual(["smith2021", "smith2021b"]);
  });

  it("refuses bad fields field by field", async () => {
    const w = await makeUser(t.db);
    const a = await makeArticle(t.db, { authorId: w.id });
    const e = await catchAppError(
      viaSchema(
        referenceInputSchema,
        {
          title: "",
          url: "javascript:alert(1)",
          doi: "11.1/x",
          pmid: "12a",
          year: "20x1",
        },
        (i) => createReference(t.db, w, a.id, i),
      ),
    );
    expect(e.code).toBe("VALIDATION");
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["doi", "pmid", "title", "url", "year"]);
    const ftp = await catchAppError(
      viaSchema(referenceInputSchema, { title: "x", url: "ftp://example.org/file" }, (i) =>
        createReference(t.db, w, a.id, i),
      ),
    );
    expect(ftp.fieldErrors?.url?.[0]).toMatch(/http/);
  });

  it("asks before deleting a cited reference and says where it is cited", async () => {
    const w = await makeUser(t.db);
    const a = await makeArticle(t.db, {
      authorId: w.id,
      bodyJson: JSON.stringify({
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Causes" }] },
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Damaged tissue" },
              { type: "citation", attrs: { refKey: "medlineplus2024" } },
            ],
          },
        ],
      }),
    });
    const r = await viaSchema(
      referenceInputSchema,
      {
        authors: "MedlinePlus",
        title: "Calcinosis",
        year: 2024,
        url: "https://medlineplus.gov/x",
      },
      (i) => createReference(t.db, w, a.id, i),
    );
    const e = await catchAppError(deleteReference(t.db, w, a.id, r.id));
    expect(e.code).toBe("CONFLICT");
    expect(e.details?.citedIn).toEqual([{ blockIndex: 1, excerpt: "Damaged tissue" }]);
    expect(await t.db.reference.count({ where: { articleId: a.id } })).toBe(1);
    await deleteReference(t.db, w, a.id, r.id, { confirm: true });
    expect(await t.db.reference.count({ where: { articleId: a.id } })).toBe(0);
  });

  it("deletes an uncited reference at once; updates keep the key; only writers/editors may change them", async () => {
    const w = await makeUser(t.db);
    const a = await makeArticle(t.db, { authorId: w.id });
    const r = await viaSchema(referenceInputSchema, { title: "T", url: "https://x.org" }, (i) =>
      createReference(t.db, w, a.id, i),
    );
    const u = await viaSchema(referenceInputSchema, { title: "T2", url: "https://y.org" }, (i) =>
      updateReference(t.db, w, a.id, r.id, i),
    );
    expect(u).toMatchObject({ key: r.key, title: "T2", url: "https://y.org" });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    expect((await catchAppError(deleteReference(t.db, reviewer, a.id, r.id))).code).toBe("FORBIDDEN");
    await deleteReference(t.db, w, a.id, r.id);
    expect(await t.db.reference.count({ where: { articleId: a.id } })).toBe(0);
  });

  it("voids an approval when references change", async () => {
    const w = await makeUser(t.db);
    const a = await makeArticle(t.db, { authorId: w.id, status: "APPROVED" });
    await viaSchema(referenceInputSchema, { title: "T", url: "https://x.org" }, (i) =>
      createReference(t.db, w, a.id, i),
    );
    expect((await t.db.article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("DRAFT");
  });
});
