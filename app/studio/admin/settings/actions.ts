"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { tick } from "@/lib/processes/publish-scheduler";
import {
  overduePolicySchema,
  policySchema,
  updateOverduePolicy,
  twoFactorPolicySchema,
  updatePolicies,
  updateTwoFactorPolicy,
} from "@/lib/settings/update-settings";
import { localeSettingsSchema, updateLocaleSettings } from "@/lib/translations/update-locale-settings";

export const updatePoliciesAction = action(
  { name: "updatePolicies", permission: "settings.manage", schema: policySchema },
  async (input, actor) => {
    const r = await updatePolicies(db, actor, input);
    revalidatePath("/studio/admin/settings");
    return r;
  },
);

export const updateTwoFactorPolicyAction = action(
  { name: "updateTwoFactorPolicy", permission: "settings.manage", schema: twoFactorPolicySchema },
  async (input, actor) => {
    const r = await updateTwoFactorPolicy(db, actor, input);
    revalidatePath("/studio/admin/settings");
    return r;
  },
);

export const updateOverduePolicyAction = action(
  { name: "updateOverduePolicy", permission: "settings.manage", schema: overduePolicySchema },
  async (input, actor) => {
    const r = await updateOverduePolicy(db, actor, input);
    revalidatePath("/studio/admin/settings");
    // After commit: apply the new policy to overdue pages now rather than at the next timer tick.
    void tick();
    return r;
  },
);

export const updateLocaleSettingsAction = action(
  { name: "updateLocaleSettings", permission: "settings.manage", schema: localeSettingsSchema },
  async (input, actor) => {
    const r = await updateLocaleSettings(db, actor, input);
    revalidatePath("/studio/admin/settings");
    // Every readers' page shows the languages and the notice policy: the wrapper expires them after commit.
    return { changed: r.changed, readerChange: r.readerChange };
  },
);
