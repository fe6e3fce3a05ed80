"use client";

import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { ActionForm, FieldErrors } from "@/components/studio/action-form";
import { updateTwoFactorPolicyAction } from "./actions";

export function TwoFactorPolicyForm({ required }: { required: Role[] }) {
  return (
    <ActionForm
      action={updateTwoFactorPolicyAction}
      submitLabel="Save two-step policy"
      successMessage="Saved. People without two-step sign-in are asked to set it up on their next click."
      label="Two-step sign-in policy"
    >
      <fieldset className="role-checkboxes">
        <legend>Roles that must sign in with a code from an authenticator app</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" name="roles" value={role} defaultChecked={required.includes(role)} />{" "}
            {ROLE_LABELS[role]}
          </label>
        ))}
        <FieldErrors name="roles" />
      </fieldset>
    </ActionForm>
  );
}
