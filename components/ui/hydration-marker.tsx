"use client";

import { useEffect } from "react";

/**
 * Marks <html data-hydrated> once React has hydrated. End-to-end tests wait for it before typing into
 * controlled form fields: text typed before hydration would be replaced by React's initial state on the
 * first re-render.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
