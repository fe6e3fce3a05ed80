"use server";

import { db } from "@/lib/db/client";
import { publicAction } from "@/app/_server/action";
import { requestPasswordReset, requestResetSchema } from "@/lib/accounts/password-reset";

export const requestPasswordResetAction = publicAction(
  { name: "requestPasswordReset", schema: requestResetSchema },
  async (input, { clientAddress }) => requestPasswordReset(db, input, { clientAddress }),
);
