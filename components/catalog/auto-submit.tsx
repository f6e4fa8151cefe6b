"use client";

import { useEffect } from "react";

/**
 * Submits a GET form as soon as a box is ticked or a menu changes. Without JavaScript the
 * form's own button does the same, so this only saves a click.
 */
export function AutoSubmit({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    form.dataset.enhanced = "";
    const onChange = (event: Event) => {
      if ((event.target as HTMLInputElement).type !== "number") form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, [formId]);
  return null;
}
