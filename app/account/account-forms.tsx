"use client";

import { ActionForm, Field } from "@/components/studio/action-form";
import { ConfirmStep } from "@/components/studio/confirm-step";
import { RecoveryCodeList } from "@/components/account/recovery-code-list";
import {
  changePasswordAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  signOutEverywhereAction,
} from "./actions";

export function ChangePasswordForm() {
  return (
    <ActionForm
      action={changePasswordAction}
      submitLabel="Change password"
      pendingLabel="Changing…"
      redirectTo="/signin?notice=password-changed"
      label="Change password"
    >
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Every session, this one too, ends when it changes."
      />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" />
    </ActionForm>
  );
}

export function SignOutEverywhereForm() {
  return (
    <ConfirmStep
      trigger="Sign out everywhere…"
      label="Sign out everywhere"
      question="Every session of yours ends, this one too: on each device you will need to sign in again."
    >
      <ActionForm
        action={signOutEverywhereAction}
        submitLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        buttonClass="danger"
        redirectTo="/signin?notice=signed-out-everywhere"
        label="Confirm: sign out everywhere"
      />
    </ConfirmStep>
  );
}

export function RecoveryCodesForm() {
  return (
    <ActionForm
      action={regenerateRecoveryCodesAction}
      submitLabel="Make new recovery codes"
      pendingLabel="Making codes…"
      buttonClass="secondary"
      resetOnSuccess
      successMessage={(data) => <RecoveryCodeList codes={(data as { recoveryCodes: string[] }).recoveryCodes} />}
      label="New recovery codes"
    >
      <h3>Recovery codes</h3>
      <Field
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        hint="New codes replace the old ones, which stop working."
      />
    </ActionForm>
  );
}

export function DisableTwoFactorForm() {
  return (
    <ActionForm
      action={disableTwoFactorAction}
      submitLabel="Turn off two-step sign-in"
      pendingLabel="Turning off…"
      buttonClass="danger"
      resetOnSuccess
      successMessage="Two-step sign-in is off."
      label="Turn off two-step sign-in"
    >
      <h3>Turn off</h3>
      <Field name="password" label="Password to turn it off" type="password" autoComplete="current-password" />
    </ActionForm>
  );
}
