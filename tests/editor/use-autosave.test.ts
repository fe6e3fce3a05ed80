// @vitest-environment jsdom
// The editor's autosave hook on its own (app/studio/articles/_editor/use-autosave.ts): it sends after a change,
// follows the browser going offline and online, backs up on page hide, and stops with the page.
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, createElement, type RefObject } from "react";
import { createRoot, type Root } from "react-dom/client";
import { useAutosave } from "../../app/studio/articles/_editor/use-autosave";
import { readBackup, type AutosaveController, type AutosaveState } from "../../lib/drafts/autosave-controller";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const content = { title: "Gout", summary: "Joint pain.", conditionName: "Gout", body: { type: "doc", content: [] } };
let root: Root | null = null;

function mount(send: (c: unknown, v: number) => Promise<{ status: number; body: unknown }>) {
  const states: AutosaveState[] = [];
  let ref: RefObject<AutosaveController | null> = { current: null };
  const getContent = () => content;
  const onState = (s: AutosaveState) => states.push(s);
  function Harness() {
    ref = useAutosave({
      articleId: "a1",
      enabled: true,
      baseVersion: 3,
      lastSavedAt: null,
      getContent,
      onState,
      send,
      delayMs: 5,
    });
    return null;
  }
  const container = document.createElement("div");
  root = createRoot(container);
  act(() => root!.render(createElement(Harness)));
  return { states, controller: () => ref.current };
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  localStorage.clear();
});

describe("useAutosave", () => {
  it("sends the draft with its base version after a change", async () => {
    const send = vi.fn(async () => ({ status: 200, body: { version: 4, updatedAt: "2026-12-07T18:00:00.000Z" } }));
    const { states, controller } = mount(send);
    controller()!.change();
    await act(() => controller()!.flush());
    expect(send).toHaveBeenCalledWith(content, 3);
    expect(states.at(-1)?.kind).toBe("saved");
  });

  it("keeps the change on this device while offline and sends it when the browser is back online", async () => {
    const send = vi.fn(async () => ({ status: 200, body: { version: 4, updatedAt: "2026-12-07T18:00:00.000Z" } }));
    const { states, controller } = mount(send);
    controller()!.change();
    act(() => void window.dispatchEvent(new Event("offline")));
    expect(states.at(-1)?.kind).toBe("offline");
    expect(readBackup(localStorage, "a1")?.content).toEqual(content);
    act(() => void window.dispatchEvent(new Event("online")));
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
  });

  it("backs up unsent changes when the page is hidden, and stops listening once unmounted", () => {
    const send = vi.fn(async () => ({ status: 200, body: {} }));
    const { controller } = mount(send);
    controller()!.change();
    act(() => void window.dispatchEvent(new Event("pagehide")));
    expect(readBackup(localStorage, "a1")?.baseVersion).toBe(3);
    act(() => root!.unmount());
    root = null;
    localStorage.clear();
    window.dispatchEvent(new Event("pagehide"));
    expect(readBackup(localStorage, "a1")).toBeNull();
  });
});
