"use client";
// "Keep a checkpoint of this text": freezes a numbered revision of the stored draft for the writers (History →
// compare or restore), never a submission. The text typed so far is stored first (autosave's flush, or the
// co-editing server); when it cannot be, no checkpoint is made, so a checkpoint never lacks what is on screen.
import { useCallback, useState } from "react";
import { api, errorText } from "@/components/studio/json-api";

export type CheckpointMessage = { kind: "ok" | "error"; text: string };

export function useCheckpoint(articleId: string, storeTyped: () => Promise<boolean>) {
  const [summary, setSummary] = useState("");
  const [message, setMessage] = useState<CheckpointMessage | null>(null);

  const save = useCallback(async () => {
    setMessage(null);
    if (!(await storeTyped())) {
      setMessage({
        kind: "error",
        text: "Your latest changes are not saved yet, so no revision was made. Try again once they are saved.",
      });
      return;
    }
    try {
      const r = await api<{ number: number }>(`/api/studio/articles/${articleId}/revisions`, "POST", {
        changeSummary: summary,
      });
      if (!r.ok)
        setMessage({ kind: "error", text: errorText(r.body.error, ["changeSummary"], "No revision was made.") });
      else {
        setMessage({ kind: "ok", text: `Saved as checkpoint revision ${r.body.number}.` });
        setSummary("");
      }
    } catch {
      setMessage({ kind: "error", text: "The server could not be reached; no revision was made." });
    }
  }, [articleId, storeTyped, summary]);

  return { summary, setSummary, message, save };
}
