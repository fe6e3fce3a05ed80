"use client";
// The one way the studio asks before a consequential action (publishing, removing, deleting, revoking): the first
// button only opens a box that says what will happen, and the action runs from the box's own button. It is a
// <details> disclosure, so it works before any script has loaded and needs no dialog library; with scripts,
// Cancel and Escape close it and give focus back to the first button.
import { useRef, type ReactNode } from "react";

export function ConfirmStep({
  trigger,
  question,
  label,
  children,
  tone = "danger",
  testId,
}: {
  /** The first button's text, e.g. "Remove…" (the ellipsis says another step follows). */
  trigger: string;
  /** What will happen, in words, e.g. "Remove https://… ? It stops receiving events." */
  question: ReactNode;
  /** Accessible name of the first button and of the box; starts with the trigger's words ("Remove https://…"). */
  label: string;
  /** The action that runs: a form whose button says exactly what it does ("Yes, remove it"). */
  children: ReactNode;
  /** "primary" for a step that is deliberate but not destructive (publishing): a plain button and a neutral box. */
  tone?: "danger" | "secondary" | "primary";
  testId?: string;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (!details.current) return;
    details.current.open = false;
    details.current.querySelector("summary")?.focus();
  };
  return (
    <details
      ref={details}
      className={`confirm-step confirm-${tone}`}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === "Escape" && details.current?.open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <summary className={tone === "primary" ? "button" : `button ${tone}`} aria-label={label}>
        {trigger}
      </summary>
      <div className="confirm-box" role="group" aria-label={label}>
        <div className="confirm-question">{question}</div>
        <div className="confirm-actions">
          {children}
          <button type="button" className="secondary" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </details>
  );
}
