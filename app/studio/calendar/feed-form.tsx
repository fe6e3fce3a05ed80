"use client";
import { ActionForm } from "@/components/studio/action-form";
import type { ActionResult } from "@/app/_server/action";

export function FeedForm({
  action,
  hasFeed,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  hasFeed: boolean;
}) {
  return (
    <ActionForm
      action={action}
      label="Calendar feed"
      submitLabel={hasFeed ? "Replace the feed link" : "Create a feed link"}
      pendingLabel="Creating…"
      buttonClass="secondary"
      testId="feed-form"
      successMessage={(data) =>
        `Your feed link (shown once; copy it into your calendar app): ${(data as { url: string }).url}`
      }
    />
  );
}
