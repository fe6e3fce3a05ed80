// @vitest-environment jsdom
// The editor's checkpoint hook on its own (app/studio/articles/_editor/use-checkpoint.ts): it stores the typed
// text first and makes no checkpoint when that fails; it sends the note and says which revision it made.
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { useCheckpoint } from "../../app/studio/articles/_editor/use-checkpoint";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.unstubAllGlobals();
});

function mount(storeTyped: () => Promise<boolean>) {
  const view: { current: ReturnType<typeof useCheckpoint> | null } = { current: null };
  function Harness() {
    view.current = useCheckpoint("a1", storeTyped);
    return null;
  }
  root = createRoot(document.createElement("div"));
  act(() => root!.render(createElement(Harness)));
  return view;
}

describe("useCheckpoint", () => {
  it("stores the typed text, then freezes a revision with the note and says its number", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ number: 4 }), { status: 201 }));
    vi.stubGlobal("fetch", fetch);
    const store = vi.fn(async () => true);
    const view = mount(store);
    act(() => view.current!.setSummary("Before the rewrite"));
    await act(() => view.current!.save());
    expect(store).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(
      "/api/studio/articles/a1/revisions",
      expect.objectContaining({ method: "POST" }),
    );
    expect(JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toEqual({
      changeSummary: "Before the rewrite",
    });
    expect(view.current!.message).toEqual({ kind: "ok", text: "Saved as checkpoint revision 4." });
    expect(view.current!.summary).toBe("");
  });

  it("makes no checkpoint while the typed text is not stored, and keeps the note", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const view = mount(async () => false);
    act(() => view.current!.setSummary("Keep me"));
    await act(() => view.current!.save());
    expect(fetch).not.toHaveBeenCalled();
    expect(view.current!.message?.kind).toBe("error");
    expect(view.current!.summary).toBe("Keep me");
  });

  it("shows the server's refusal of the note", async () => {
    const refusal = {
      error: { message: "Invalid", fieldErrors: { changeSummary: ["Keep it under 500 characters."] } },
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify(refusal), { status: 400 })),
    );
    const view = mount(async () => true);
    await act(() => view.current!.save());
    expect(view.current!.message).toEqual({ kind: "error", text: "Keep it under 500 characters." });
  });
});
