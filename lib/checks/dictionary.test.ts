import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import { checkContent } from "./check-content";
import {
  addDictionaryWord,
  addDictionaryWordSchema,
  listDictionaryWords,
  removeDictionaryWord,
  removeDictionaryWordSchema,
} from "./dictionary";
import { viaSchema } from "../../tests/helpers/via-schema";

const t = createTestDb();
afterAll(() => t.cleanup());

const input = {
  title: "T",
  summary: "S",
  body: {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "The Zorblax clinic treats patients." }] }],
  },
  references: [],
};
const spelling = async () => (await checkContent(t.db, input)).findings.filter((f) => f.rule === "spelling").length;

describe("project dictionary", () => {
  it("extends the spelling rule, with an audit event, and can be undone", async () => {
    const editor = await makeUser(t.db, { roles: ["EDITOR"], name: "Editor" });
    expect(await spelling()).toBe(1);
    await viaSchema(addDictionaryWordSchema, { word: "  Zorblax " }, (i) => addDictionaryWord(t.db, editor, i));
    expect((await listDictionaryWords(t.db)).map((w) => w.word)).toEqual(["zorblax"]);
    expect(await spelling()).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "dictionary.word_added", entityId: "zorblax" } })).toBe(1);
    await expect(addDictionaryWord(t.db, editor, { word: "zorblax" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      viaSchema(addDictionaryWordSchema, { word: "two words" }, (i) => addDictionaryWord(t.db, editor, i)),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { word: [expect.stringContaining("one word")] },
    });
    await viaSchema(removeDictionaryWordSchema, { word: "ZORBLAX" }, (i) => removeDictionaryWord(t.db, editor, i));
    expect(await spelling()).toBe(1);
  });
});
