"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { changePassword, changePasswordSchema } from "@/lib/accounts/change-password";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { confirmEnrolmentSchema, confirmTwoFactorEnrolment } from "@/lib/accounts/confirm-two-factor-enrolment";
import { disableTwoFactor } from "@/lib/accounts/disable-two-factor";
import { passwordConfirmationSchema } from "@/lib/accounts/confirm-password";
import { regenerateRecoveryCodes } from "@/lib/accounts/regenerate-recovery-codes";

export const changePasswordAction = action(
  { name: "changePassword", permission: "account.self", schema: changePasswordSchema },
  async (input, actor) => {
    await changePassword(db, actor, input);
    return { signedOut: true };
  },
);

export const signOutEverywhereAction = action(
  { name: "signOutEverywhere", permission: "account.self", schema: z.object({}) },
  async (_input, actor) => {
    await signOutEverywhere(db, actor);
    return { signedOut: true };
  },
);

export const confirmTwoFactorAction = action(
  { name: "confirmTwoFactor", permission: "account.self", schema: confirmEnrolmentSchema },
  async (input, actor) => confirmTwoFactorEnrolment(db, actor, input),
);

export const regenerateRecoveryCodesAction = action(
  { name: "regenerateRecoveryCodes", permission: "account.self", schema: passwordConfirmationSchema },
  async (input, actor) => regenerateRecoveryCodes(db, actor, input),
);

export const disableTwoFactorAction = action(
  { name: "disableTwoFactor", permission: "account.self", schema: passwordConfirmationSchema },
  async (input, actor) => {
    await disableTwoFactor(db, actor, input);
    revalidatePath("/account");
    return { disabled: true };
  },
);
