// The audit view reads names where it stored ids: the entity, and the ids inside an event's details.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeReviewer, makeRevision, makeUser } from "../../tests/helpers/factory";
import { auditDetails } from "./action-labels";
import { collectAuditRefs, kindOfDetailKey, resolveAuditNames } from "./resolve-audit-names";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("kindOfDetailKey", () => {
  it("knows people, articles and revisions by the key's name, and leaves other ids alone", () => {
    expect(kindOfDetailKey("reviewerId")).toBe("User");
    expect(kindOfDetailKey("editorIds")).toBe("User");
    expect(kindOfDetailKey("assignedById")).toBe("User");
    expect(kindOfDetailKey("translationOfId")).toBe("Article");
    expect(kindOfDetailKey("previousLiveRevisionId")).toBe("Revision");
    expect(kindOfDetailKey("contributors")).toBe("User");
    expect(kindOfDetailKey("sessionId")).toBeNull();
    expect(kindOfDetailKey("id")).toBeNull();
    expect(kindOfDetailKey("reviewer")).toBeNull();
  });
});

describe("resolveAuditNames", () => {
  it("names the entity and the ids in its details; an id whose row is gone stays an id", async () => {
    const writer = await makeUser(t.db, { name: "Wendy Okafor" });
    const { user: reviewer } = await makeReviewer(t.db, { name: "Dr. Rowan Iyer" });
    const article = await makeArticle(t.db, { authorId: writer.id, title: "Calcinosis cutis" });
    const revision = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    const events = [
      {
        entityType: "Article",
        entityId: article.id,
        dataJson: JSON.stringify({ reviewerId: reviewer.id, revisionId: revision.id, note: "kept" }),
      },
      { entityType: "User", entityId: reviewer.id, dataJson: JSON.stringify({ editorIds: [writer.id, "gone"] }) },
      { entityType: "Test", entityId: "1", dataJson: "{}" },
    ];
    expect(collectAuditRefs(events).get("User")).toEqual(new Set([reviewer.id, writer.id, "gone"]));

    const names = await resolveAuditNames(t.db, events);
    expect(names.name("Article", article.id)).toBe("Calcinosis cutis");
    expect(names.name("User", reviewer.id)).toBe("Dr. Rowan Iyer");
    expect(names.name("Revision", revision.id)).toBe(`revision ${revision.number} of “Calcinosis cutis”`);
    expect(names.name("User", "gone")).toBeUndefined();
    expect(names.name("Test", "1")).toBeUndefined();

    expect(auditDetails(events[0].dataJson, names)).toEqual([
      { label: "Reviewer", value: "Dr. Rowan Iyer" },
      { label: "Revision", value: `revision ${revision.number} of “Calcinosis cutis”` },
      { label: "Note", value: "kept" },
    ]);
    // A person who is gone stays an id; a list reads as a list.
    expect(auditDetails(events[1].dataJson, names)).toEqual([{ label: "Editors", value: "Wendy Okafor, gone" }]);
    // Without names the stored details read as before.
    expect(auditDetails(events[0].dataJson)[0]).toEqual({ label: "Reviewer id", value: reviewer.id });
  });

  it("reads nothing when the page has no events", async () => {
    const names = await resolveAuditNames(t.db, []);
    expect(names.name("Article", "x")).toBeUndefined();
  });
});
