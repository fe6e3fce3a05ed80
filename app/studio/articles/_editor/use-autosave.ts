"use client";
// The draft's autosave for the life of the editor page: one AutosaveController (lib/drafts/autosave-controller.ts)
// that sends the draft when typing pauses, follows the browser going offline and back online, and keeps a
// backup on this device when the page is hidden with changes not yet sent. The editor tells it of each change
// (controller.change()) and asks it to flush before leaving or submitting.
import { useEffect, useRef, type RefObject } from "react";
import {
  AutosaveController,
  type AutosaveOptions,
  type AutosaveState,
  type DraftContent,
  type SendResult,
} from "@/lib/drafts/autosave-controller";
import { api } from "@/components/studio/json-api";

/** The draft endpoint's PUT: what the editor sends in the browser. */
export function sendDraftTo(articleId: string) {
  return async (content: DraftContent, baseVersion: number): Promise<SendResult> => {
    const r = await api(`/api/studio/articles/${articleId}/draft`, "PUT", { ...content, baseVersion });
    return { status: r.status, body: r.body };
  };
}

export function useAutosave(options: {
  articleId: string;
  /** False for a reader who may not edit: no controller at all. */
  enabled: boolean;
  baseVersion: number;
  lastSavedAt: string | null;
  getContent: () => DraftContent;
  onState: (state: AutosaveState) => void;
  /** Defaults to the draft endpoint; tests pass their own (and timers). */
  send?: AutosaveOptions["send"];
  delayMs?: number;
}): RefObject<AutosaveController | null> {
  const controllerRef = useRef<AutosaveController | null>(null);
  const { articleId, enabled, baseVersion, lastSavedAt, getContent, onState, send, delayMs } = options;
  useEffect(() => {
    if (!enabled) return;
    const controller = new AutosaveController({
      articleId,
      baseVersion,
      lastSavedAt,
      getContent,
      send: send ?? sendDraftTo(articleId),
      onState,
      storage: typeof localStorage === "undefined" ? null : localStorage,
      isOnline: () => navigator.onLine,
      ...(delayMs === undefined ? {} : { delayMs }),
    });
    controllerRef.current = controller;
    const online = () => controller.online();
    const offline = () => controller.offline();
    const hide = () => {
      if (controller.dirty) controller.backup();
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    window.addEventListener("pagehide", hide);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      window.removeEventListener("pagehide", hide);
      controller.dispose();
      controllerRef.current = null;
    };
  }, [articleId, baseVersion, delayMs, enabled, getContent, lastSavedAt, onState, send]);
  return controllerRef;
}
