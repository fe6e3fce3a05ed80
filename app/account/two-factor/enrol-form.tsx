"use client";

import { useState } from "react";
import { ActionForm, Field } from "@/components/studio/action-form";
import { RecoveryCodeList } from "@/components/account/recovery-code-list";
import { confirmTwoFactorAction } from "../actions";

export function EnrolForm({ next }: { next: string }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes)
    return (
      <div role="status">
        <p className="notice ok">Two-step sign-in is on. From now on, signing in asks for a code from your app.</p>
        <RecoveryCodeList codes={codes} />
        <p>
          <a href={next} className="button">
            I have saved my recovery codes — continue
          </a>
        </p>
      </div>
    );
  return (
    <ActionForm
      action={async (form) => {
        const result = await confirmTwoFactorAction(form);
        if (result.ok) setCodes(result.data.recoveryCodes);
        return result;
      }}
      submitLabel="Turn on two-step sign-in"
      pendingLabel="Checking…"
      refreshOnSuccess={false}
      label="Confirm two-step sign-in"
    >
      <Field
        name="code"
        label="Code from the app"
        autoComplete="one-time-code"
        hint="6 digits; it changes every 30 seconds."
      />
    </ActionForm>
  );
}
