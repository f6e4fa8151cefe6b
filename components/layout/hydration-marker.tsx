"use client";
// Marks the document once React has hydrated it (<html data-hydrated>): until then a click on a
// form is an ordinary form post. The end-to-end tests wait for it before acting on a page.
import { useEffect } from "react";

export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
