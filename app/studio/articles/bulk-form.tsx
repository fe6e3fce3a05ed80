"use client";
// The bulk-action form around the content table: the table's checkboxes are its fields, so it works as a
// plain form post without JavaScript too (ActionForm).
import type { ReactNode } from "react";
import type { ActionResult } from "@/app/_server/action";
import { ActionForm } from "@/components/studio/action-form";
import { describeBulkResult } from "./bulk-result";

export function BulkForm({
  action,
  children,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  children: ReactNode;
}) {
  return (
    <ActionForm
      action={action}
      label="Articles and bulk actions"
      submitLabel="Apply to ticked articles"
      pendingLabel="Applying…"
      buttonClass="secondary"
      successMessage={describeBulkResult}
      testId="bulk-form"
    >
      {children}
    </ActionForm>
  );
}
