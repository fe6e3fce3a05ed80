"use client";

import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { ActionForm, Field, FieldErrors } from "@/components/studio/action-form";
import { ConfirmStep } from "@/components/studio/confirm-step";
import {
  inviteUserAction,
  resendInvitationAction,
  resetTwoFactorAction,
  setRolesAction,
  setStatusAction,
} from "./actions";

function RoleCheckboxes({
  legend,
  checked = [],
  hideLegend = false,
}: {
  legend: string;
  checked?: Role[];
  hideLegend?: boolean;
}) {
  return (
    <fieldset className="role-checkboxes">
      <legend className={hideLegend ? "visually-hidden" : undefined}>{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} className="checkbox">
          <input type="checkbox" name="roles" value={role} defaultChecked={checked.includes(role)} />{" "}
          {ROLE_LABELS[role]}
        </label>
      ))}
      <FieldErrors name="roles" />
    </fieldset>
  );
}

export function InviteUserForm() {
  return (
    <ActionForm
      action={inviteUserAction}
      submitLabel="Send invitation"
      pendingLabel="Inviting…"
      successMessage={(data) =>
        `Invitation sent to ${(data as { email: string }).email}. The link works once, for 7 days.`
      }
      resetOnSuccess
      label="Invite a person"
    >
      <h2>Invite a person</h2>
      <p className="field-hint">
        They get an e-mail with a link to choose their own password (without SMTP it waits in the Outbox).
      </p>
      <Field name="name" label="Name" />
      <Field name="email" label="E-mail" type="email" />
      <RoleCheckboxes legend="Roles" />
    </ActionForm>
  );
}

export function ResendInvitationButton({ userId, userName }: { userId: string; userName: string }) {
  return (
    <ActionForm
      action={resendInvitationAction}
      submitLabel="Send a new link"
      pendingLabel="Sending…"
      buttonClass="secondary"
      successMessage="Sent. The previous link no longer works."
      label={`Send ${userName} a new invitation link`}
    >
      <input type="hidden" name="userId" value={userId} />
    </ActionForm>
  );
}

export function ResetTwoFactorButton({ userId, userName }: { userId: string; userName: string }) {
  return (
    <ActionForm
      action={resetTwoFactorAction}
      submitLabel="Reset two-step sign-in"
      pendingLabel="Resetting…"
      buttonClass="secondary"
      successMessage="Reset. Their sessions ended; they set it up again at the next sign-in if required."
      label={`Reset the two-step sign-in of ${userName}`}
    >
      <input type="hidden" name="userId" value={userId} />
    </ActionForm>
  );
}

export function RolesForm({ userName, userId, roles }: { userId: string; userName: string; roles: Role[] }) {
  return (
    <ActionForm
      action={setRolesAction}
      submitLabel="Save roles"
      successMessage="Saved."
      buttonClass="secondary"
      className="roles-form"
      label={`Roles of ${userName}`}
    >
      <input type="hidden" name="userId" value={userId} />
      <RoleCheckboxes legend={`Roles of ${userName}`} checked={roles} hideLegend />
    </ActionForm>
  );
}

export function StatusButton({ userId, userName, status }: { userId: string; userName: string; status: string }) {
  if (status !== "ACTIVE")
    return (
      <ActionForm
        action={setStatusAction}
        submitLabel="Enable"
        pendingLabel="Enabling…"
        buttonClass="secondary"
        label={`Enable the account of ${userName}`}
      >
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="status" value="ACTIVE" />
      </ActionForm>
    );
  return (
    <ConfirmStep
      trigger="Disable…"
      tone="secondary"
      label={`Disable the account of ${userName}`}
      question={
        <>
          Disable <strong>{userName}</strong>? They are signed out everywhere at once and cannot sign in until an admin
          enables the account again. Nothing they wrote is removed.
        </>
      }
    >
      <ActionForm
        action={setStatusAction}
        submitLabel="Disable the account"
        pendingLabel="Disabling…"
        buttonClass="danger"
        label={`Confirm: disable the account of ${userName}`}
      >
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="status" value="DISABLED" />
      </ActionForm>
    </ConfirmStep>
  );
}
