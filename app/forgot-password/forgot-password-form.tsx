"use client";

import { ActionForm, Field } from "@/components/studio/action-form";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  return (
    <ActionForm
      action={requestPasswordResetAction}
      submitLabel="Send the link"
      pendingLabel="Sending…"
      successMessage={(data) => (data as { message: string }).message}
      label="Ask for a password reset link"
    >
      <Field name="email" label="E-mail" type="email" autoComplete="username" />
    </ActionForm>
  );
}
