"use server";

import { db } from "@/lib/db/client";
import { publicAction } from "@/app/_server/action";
import { resetPassword, resetPasswordSchema } from "@/lib/accounts/password-reset";
import { acceptInvitation, acceptInvitationSchema } from "@/lib/accounts/invitations";

export const resetPasswordAction = publicAction({ name: "resetPassword", schema: resetPasswordSchema }, async (input) =>
  resetPassword(db, input),
);

export const acceptInvitationAction = publicAction(
  { name: "acceptInvitation", schema: acceptInvitationSchema },
  async (input) => acceptInvitation(db, input),
);
