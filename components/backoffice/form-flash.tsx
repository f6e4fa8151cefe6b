"use client";
// What a form posted without JavaScript answered, handed back to that form after the redirect
// (lib/backoffice/form-flash.ts): the back-office layout provides it, and each form that runs an
// action takes its initial state from it, so that its errors show beside its fields and what was
// typed is kept. With JavaScript there is never a flash: forms start as they always did.
import { createContext, useContext, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions";
import { FORM_KEY_FIELD, type FormFlash } from "@/lib/backoffice/form-flash";

const FlashContext = createContext<FormFlash | null>(null);

export function FormFlashProvider({ flash, children }: { flash: FormFlash | null; children: ReactNode }) {
  return <FlashContext.Provider value={flash}>{children}</FlashContext.Provider>;
}

/** The state form `formKey` answered before the redirect, if it is the one posted; otherwise `initial`. */
export function useFlashState(formKey: string, initial: ActionState): ActionState {
  const flash = useContext(FlashContext);
  return flash?.form === formKey ? flash.state : initial;
}

/** The hidden field naming the form to the action (see formKey in lib/backoffice/form-flash.ts). */
export function FormKeyField({ formKey }: { formKey: string }) {
  return <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />;
}
