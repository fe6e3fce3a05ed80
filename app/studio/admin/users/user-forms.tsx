"use client";

import { useActionState, useState } from "react";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { ActionResult } from "@/app/_server/action";
import { createUserAction, setRolesAction, setStatusAction } from "./actions";

type Result = ActionResult<unknown> | null;

function FieldError({ result, field }: { result: Result; field: string }) {
  if (!result || result.ok || !result.fieldErrors?.[field]) return null;
  return (
    <p className="field-error" id={`${field}-error`}>
      {result.fieldErrors[field].join(" ")}
    </p>
  );
}

export function CreateUserForm() {
  // Keep what was typed after a failed submit: the form is controlled by these values, not reset.
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [state, formAction, pending] = useActionState<Result, FormData>(async (_prev, form) => {
    const result = await createUserAction(form);
    if (result.ok) setValues({ name: "", email: "", password: "" });
    return result;
  }, null);
  const invalid = (f: string) => (state && !state.ok && state.fieldErrors?.[f] ? true : undefined);
  return (
    <form action={formAction} aria-labelledby="create-user-heading" noValidate>
      <h2 id="create-user-heading">Add a person</h2>
      {state && !state.ok && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state?.ok && (
        <p className="notice ok" role="status">
          Account created.
        </p>
      )}
      <label htmlFor="new-name">Name</label>
      <input id="new-name" name="name" type="text" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} aria-invalid={invalid("name")} aria-describedby="name-error" />
      <FieldError result={state} field="name" />
      <label htmlFor="new-email">E-mail</label>
      <input id="new-email" name="email" type="email" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} aria-invalid={invalid("email")} aria-describedby="email-error" />
      <FieldError result={state} field="email" />
      <label htmlFor="new-password">Initial password</label>
      <input id="new-password" name="password" type="password" autoComplete="new-password" value={values.password} onChange={(e) => setValues({ ...values, password: e.target.value })} aria-invalid={invalid("password")} aria-describedby="password-error password-hint" />
      <p className="field-hint" id="password-hint">
        At least 12 characters. Share it privately; the person should change it.
      </p>
      <FieldError result={state} field="password" />
      <fieldset>
        <legend>Roles</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" name="roles" value={role} /> {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add person"}
      </button>
    </form>
  );
}

export function RolesForm({ userId, userName, roles }: { userId: string; userName: string; roles: Role[] }) {
  const [state, formAction, pending] = useActionState<Result, FormData>((_prev, form) => setRolesAction(form), null);
  return (
    <form action={formAction} className="roles-form">
      <input type="hidden" name="userId" value={userId} />
      <fieldset>
        <legend className="visually-hidden">Roles of {userName}</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" name="roles" value={role} defaultChecked={roles.includes(role)} /> {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="secondary" disabled={pending} aria-label={`Save roles of ${userName}`}>
        {pending ? "Saving…" : "Save roles"}
      </button>
      {state && !state.ok && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      {state?.ok && (
        <p className="field-hint" role="status">
          Saved.
        </p>
      )}
    </form>
  );
}

export function StatusButton({ userId, userName, status }: { userId: string; userName: string; status: string }) {
  const next = status === "ACTIVE" ? "DISABLED" : "ACTIVE";
  const [state, formAction, pending] = useActionState<Result, FormData>((_prev, form) => setStatusAction(form), null);
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" className={next === "DISABLED" ? "danger" : "secondary"} disabled={pending} aria-label={`${next === "DISABLED" ? "Disable" : "Enable"} ${userName}`}>
        {next === "DISABLED" ? "Disable" : "Enable"}
      </button>
      {state && !state.ok && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
