"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server render and during hydration, true once the component runs in the browser. Used for
 * what only makes sense with client JavaScript (live save status, progressive enhancement), without a
 * setState-in-effect round of re-rendering.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
