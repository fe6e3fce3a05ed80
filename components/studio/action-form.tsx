"use client";
// A form that calls a server action (ActionResult), shows the message and field-by-field errors, keeps what
// the person typed when it fails (submitted by hand in onSubmit, so React does not reset the fields), and
// refreshes the page's server data when it succeeds.
import { createContext, useContext, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/app/_server/action";

type Result = ActionResult<unknown> | null;
const FormState = createContext<{ result: Result; formId: string }>({ result: null, formId: "" });

export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "Saving…",
  successMessage,
  resetOnSuccess = false,
  refreshOnSuccess = true,
  redirectTo,
  validate,
  beforeSubmit,
  onSuccess,
  buttonClass,
  className,
  label,
  testId,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  /** Shown after success; a function gets the action's data (e.g. to name what was created). */
  successMessage?: string | ((data: unknown) => ReactNode);
  resetOnSuccess?: boolean;
  /** Re-render the page's server data after success (default); off when the page would change under the message. */
  refreshOnSuccess?: boolean;
  /** After success, a full navigation here (e.g. to sign-in once a session has ended). */
  redirectTo?: string | ((data: unknown) => string);
  /** Checks in the browser before sending (e.g. a file's size); a returned error is shown like the server's. */
  validate?: (form: FormData) => ActionResult<unknown> | null;
  /** Runs before sending (e.g. the editor's waiting keystrokes are saved first); a message stops the sending. */
  beforeSubmit?: () => Promise<string | null>;
  /** Runs after the server accepted (e.g. closing the form that was open). */
  onSuccess?: (data: unknown) => void;
  buttonClass?: string;
  className?: string;
  /** Accessible name of the form. */
  label?: string;
  testId?: string;
}) {
  const [result, setResult] = useState<Result>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const formId = useId();
  const messageRef = useRef<HTMLParagraphElement>(null);
  return (
    <FormState.Provider value={{ result, formId }}>
      <form
        ref={formRef}
        // Before hydration (slow network, script still loading) a submit still reaches the server action as a
        // normal POST (progressive enhancement) instead of a GET to this page that would drop what was typed.
        // Once hydrated, onSubmit below prevents that and calls the action itself.
        action={action as unknown as (form: FormData) => void}
        className={className}
        aria-label={label}
        data-testid={testId}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(async () => {
            let r: Result;
            try {
              const refusal = beforeSubmit ? await beforeSubmit() : null;
              r = refusal
                ? { ok: false, code: "CONFLICT", message: refusal }
                : (validate?.(data) ?? (await action(data)));
            } catch {
              r = {
                ok: false,
                code: "INTERNAL",
                message: "The server could not be reached. Nothing you typed was lost; try again.",
              };
            }
            setResult(r);
            if (r?.ok) {
              if (redirectTo) {
                window.location.assign(typeof redirectTo === "function" ? redirectTo(r.data) : redirectTo);
                return;
              }
              if (resetOnSuccess) formRef.current?.reset();
              onSuccess?.(r.data);
              if (refreshOnSuccess) router.refresh();
            } else {
              // Move focus to the message so keyboard and screen-reader users learn what went wrong.
              setTimeout(() => messageRef.current?.focus(), 0);
            }
          });
        }}
      >
        {result && !result.ok && (
          <p className="notice error" role="alert" tabIndex={-1} ref={messageRef}>
            {result.message}
          </p>
        )}
        {result?.ok &&
          successMessage &&
          (typeof successMessage === "function" ? (
            <div className="notice ok" role="status">
              {successMessage(result.data)}
            </div>
          ) : (
            <p className="notice ok" role="status">
              {successMessage}
            </p>
          ))}
        {children}
        <button type="submit" className={buttonClass} disabled={pending} aria-busy={pending || undefined}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </form>
    </FormState.Provider>
  );
}

/** A labelled input, textarea or select, with its hint and errors wired up for assistive technology. */
export function Field({
  name,
  label,
  type = "text",
  hint,
  defaultValue,
  textarea,
  rows = 4,
  required,
  step,
  options,
  autoComplete,
}: {
  name: string;
  label: string;
  type?: string;
  hint?: string;
  defaultValue?: string;
  textarea?: boolean;
  rows?: number;
  required?: boolean;
  step?: string;
  options?: Array<{ value: string; label: string }>;
  autoComplete?: string;
}) {
  const { result, formId } = useContext(FormState);
  const id = `${formId}-${name}`;
  const errors = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  const describedBy = [hint ? `${id}-hint` : "", errors ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": describedBy,
    required,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : textarea ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input {...common} type={type} step={step} autoComplete={autoComplete} />
      )}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

/** Errors for a field that is not a plain input (e.g. a checkbox). */
export function FieldErrors({ name }: { name: string }) {
  const { result, formId } = useContext(FormState);
  const errors = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  if (!errors) return null;
  return (
    <p className="field-error" id={`${formId}-${name}-error`}>
      {errors.join(" ")}
    </p>
  );
}
