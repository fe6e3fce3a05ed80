"use client";

import { ActionForm, Field } from "@/components/studio/action-form";
import { acceptInvitationAction, resetPasswordAction } from "./actions";

/** New password (twice) for a reset or invitation link; on success, on to sign-in with the e-mail filled in. */
export function SetPasswordForm({ kind, token }: { kind: "reset" | "invite"; token: string }) {
  return (
    <ActionForm
      action={kind === "reset" ? resetPasswordAction : acceptInvitationAction}
      submitLabel={kind === "reset" ? "Set the new password" : "Set my password"}
      pendingLabel="Saving…"
      refreshOnSuccess={false}
      redirectTo={(data) =>
        `/signin?notice=password-set&email=${encodeURIComponent((data as { email: string }).email)}`
      }
      label="Choose a password"
    >
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
      />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" />
    </ActionForm>
  );
}
