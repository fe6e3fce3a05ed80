"use client";

import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { ActionForm, Field, FieldErrors } from "@/components/studio/action-form";
import { createUserAction, setRolesAction, setStatusAction } from "./actions";

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

export function CreateUserForm() {
  return (
    <ActionForm
      action={createUserAction}
      submitLabel="Add person"
      pendingLabel="Adding…"
      successMessage="Account created."
      resetOnSuccess
      label="Add a person"
    >
      <h2>Add a person</h2>
      <Field name="name" label="Name" />
      <Field name="email" label="E-mail" type="email" />
      <Field
        name="password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Share it privately; the person should change it."
      />
      <RoleCheckboxes legend="Roles" />
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
  const next = status === "ACTIVE" ? "DISABLED" : "ACTIVE";
  return (
    <ActionForm
      action={setStatusAction}
      submitLabel={next === "DISABLED" ? "Disable" : "Enable"}
      pendingLabel={next === "DISABLED" ? "Disabling…" : "Enabling…"}
      buttonClass={next === "DISABLED" ? "danger" : "secondary"}
      label={`${next === "DISABLED" ? "Disable" : "Enable"} the account of ${userName}`}
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
    </ActionForm>
  );
}
