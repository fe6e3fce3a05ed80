import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import { getSetting } from "./settings";
import { overduePolicySchema, policySchema, updateOverduePolicy, updatePolicies } from "./update-settings";
import { viaSchema } from "../../tests/helpers/via-schema";
import { listAuditEvents } from "../audit/list-audit-events";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("updatePolicies", () => {
  it("only admins change policies; each change is audited with old and new values", async () => {
    const admin = await makeUser(t.db, { roles: ["ADMIN"], name: "Ada Admin" });
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    const input = {
      "plagiarism.thresholdPercent": "20",
      "review.intervalMonths": "6",
      "review.dueSoonDays": "30",
      "review.dueDays": "7",
    };
    await expect(
      viaSchema(policySchema, input, (i) => updatePolicies(t.db, { ...editor, roles: ["EDITOR"] }, i)),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const r = await viaSchema(policySchema, input, (i) => updatePolicies(t.db, { ...admin, roles: ["ADMIN"] }, i));
    expect(r.changed.sort()).toEqual(["plagiarism.thresholdPercent", "review.intervalMonths"]);
    expect(await getSetting(t.db, "plagiarism.thresholdPercent")).toBe(20);
    expect(await getSetting(t.db, "review.intervalMonths")).toBe(6);
    const { events } = await listAuditEvents(t.db, { action: "settings", actor: "Ada" });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].dataJson).changes["review.intervalMonths"]).toEqual({ from: 12, to: 6 });
    // No change, no event.
    await viaSchema(policySchema, input, (i) => updatePolicies(t.db, { ...admin, roles: ["ADMIN"] }, i));
    expect((await listAuditEvents(t.db, { action: "settings" })).events).toHaveLength(1);
    // The auto-assign checkbox: ticked sends "1", unticked sends nothing.
    const ticked = await viaSchema(policySchema, { ...input, "review.autoAssign": "1" }, (i) =>
      updatePolicies(t.db, { ...admin, roles: ["ADMIN"] }, i),
    );
    expect(ticked.changed).toEqual(["review.autoAssign"]);
    expect(await getSetting(t.db, "review.autoAssign")).toBe(1);
    await viaSchema(policySchema, input, (i) => updatePolicies(t.db, { ...admin, roles: ["ADMIN"] }, i));
    expect(await getSetting(t.db, "review.autoAssign")).toBe(0);
  });

  it("refuses out-of-range values field by field", async () => {
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    await expect(
      viaSchema(
        policySchema,
        { "plagiarism.thresholdPercent": "0", "review.intervalMonths": "1.5", "review.dueSoonDays": "abc" },
        (i) => updatePolicies(t.db, { ...admin, roles: ["ADMIN"] }, i),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        "plagiarism.thresholdPercent": [expect.stringMatching(/at least 1%/)],
        "review.intervalMonths": [expect.stringMatching(/whole number/)],
        "review.dueSoonDays": [expect.any(String)],
      },
    });
  });
});

describe("updateOverduePolicy", () => {
  it("only admins choose the overdue policy; an unknown policy is refused by name; the change is audited", async () => {
    const admin = await makeUser(t.db, { roles: ["ADMIN"], name: "Oda Overdue" });
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    const input = {
      "review.overduePolicy": "noindex",
      "review.overdueGraceDays": "14",
      "evidence.maxSourceAgeYears": "8",
    };
    await expect(
      viaSchema(overduePolicySchema, input, (i) => updateOverduePolicy(t.db, { ...editor, roles: ["EDITOR"] }, i)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      viaSchema(overduePolicySchema, { ...input, "review.overduePolicy": "delete" }, (i) =>
        updateOverduePolicy(t.db, { ...admin, roles: ["ADMIN"] }, i),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const r = await viaSchema(overduePolicySchema, input, (i) =>
      updateOverduePolicy(t.db, { ...admin, roles: ["ADMIN"] }, i),
    );
    expect(r.changed.sort()).toEqual(["evidence.maxSourceAgeYears", "review.overdueGraceDays", "review.overduePolicy"]);
    expect(await getSetting(t.db, "review.overduePolicy")).toBe("noindex");
    expect(await getSetting(t.db, "evidence.maxSourceAgeYears")).toBe(8);
    const { events } = await listAuditEvents(t.db, { action: "settings", actor: "Oda" });
    expect(JSON.parse(events[0].dataJson).changes["review.overduePolicy"]).toEqual({ from: "notice", to: "noindex" });
  });
});
