"use client";
// The editor's live content-check side panel. Give it the working copy; it re-checks on the server a moment
// after the writer stops typing (debounced, one request in flight), lists the findings, and calls onJump
// when a finding is chosen (jumpToFinding() in jump-to-finding.ts moves a Tiptap editor's cursor there).
import { useEffect, useRef, useState } from "react";
import type { CheckReference, Finding } from "@/lib/checks/types";
import { CheckFindingsList } from "./check-findings-list";
import { api, errorText } from "@/components/studio/json-api";

export interface CheckableDraft {
  title: string;
  summary: string;
  conditionName?: string | null;
  body: unknown;
  references: CheckReference[];
  /** The article's audience: sets the readability target. */
  audience?: "patients" | "professionals";
}

const NONE: Finding[] = [];

type State =
  | { status: "idle" | "checking" }
  | { status: "done"; findings: Finding[]; blocking: number; advisory: number }
  | { status: "error"; message: string };

export function ContentCheckPanel({
  content,
  onJump,
  debounceMs = 800,
  endpoint = "/api/checks",
  canAddWords = false,
  extraFindings = NONE,
}: {
  content: CheckableDraft;
  onJump?: (f: Finding) => void;
  debounceMs?: number;
  endpoint?: string;
  /** Editors (dictionary.manage): offer "add to the project dictionary" on spelling findings. */
  canAddWords?: boolean;
  /** Findings the page knows without the server's check (the editor: what its images lack), listed first. */
  extraFindings?: Finding[];
}) {
  const [state, setState] = useState<State>({ status: "idle" });
  const [recheck, setRecheck] = useState(0);
  const [wordMessage, setWordMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [last, setLast] = useState<Extract<State, { status: "done" }> | null>(null);
  const key = JSON.stringify(content);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const timer = setTimeout(async () => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setState({ status: "checking" });
      try {
        const res = await fetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: key,
          signal: c.signal,
        });
        const data = await res.json().catch(() => null);
        if (!res.ok) {
          setState({
            status: "error",
            message: errorText(data?.error, [], `The checks could not run (HTTP ${res.status}).`),
          });
          return;
        }
        const done = {
          status: "done" as const,
          findings: data.findings as Finding[],
          blocking: data.blocking as number,
          advisory: data.advisory as number,
        };
        setState(done);
        setLast(done);
      } catch (err) {
        if ((err as Error).name === "AbortError") return;
        setState({
          status: "error",
          message: "The checks could not reach the server. They will run again when you next edit.",
        });
      }
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [key, debounceMs, endpoint, recheck]);

  const addWord = async (word: string) => {
    setWordMessage(null);
    try {
      const r = await api("/api/dictionary", "POST", { word });
      // 409: the word is in the dictionary already, which is what the writer wanted.
      if (!r.ok && r.status !== 409) {
        setWordMessage({ ok: false, text: errorText(r.body.error, ["word"], "The word could not be added.") });
        return;
      }
      setWordMessage({ ok: true, text: `“${word}” is in the project dictionary now.` });
      setRecheck((n) => n + 1);
    } catch {
      setWordMessage({ ok: false, text: "The word could not be added: the server did not answer." });
    }
  };

  useEffect(() => () => controller.current?.abort(), []);

  const checked = state.status === "done" ? state : last;
  const extraBlocking = extraFindings.filter((f) => f.severity === "blocking").length;
  const shown = checked
    ? {
        findings: [...extraFindings, ...checked.findings],
        blocking: checked.blocking + extraBlocking,
        advisory: checked.advisory + extraFindings.length - extraBlocking,
      }
    : null;
  return (
    <aside className="content-check-panel" aria-labelledby="content-check-heading" data-testid="content-check-panel">
      <h2 id="content-check-heading">Checks</h2>
      <p role="status" aria-live="polite" className="field-hint">
        {state.status === "checking"
          ? "Checking…"
          : state.status === "error"
            ? ""
            : shown
              ? `${shown.blocking} blocking, ${shown.advisory} advisory.`
              : "Checks run as you write."}
      </p>
      {state.status === "error" && <p className="notice error">{state.message}</p>}
      {wordMessage && (
        <p className={`notice ${wordMessage.ok ? "ok" : "error"}`} role={wordMessage.ok ? "status" : "alert"}>
          {wordMessage.text}
        </p>
      )}
      {shown && (
        <CheckFindingsList
          findings={shown.findings}
          renderAction={(f) => (
            <>
              {onJump && f.location.field === "body" && f.location.path && (
                <button type="button" className="link-button" onClick={() => onJump(f)}>
                  Go to this place
                </button>
              )}
              {canAddWords && f.rule === "spelling" && f.subject && (
                <>
                  {" "}
                  <button type="button" className="link-button" onClick={() => addWord(f.subject!)}>
                    Add “{f.subject}” to the dictionary
                  </button>
                </>
              )}
            </>
          )}
        />
      )}
    </aside>
  );
}
