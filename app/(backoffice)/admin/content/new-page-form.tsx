"use client";
// Creating a landing page: its title and address (/l/<slug>); the editor opens next.
import { useActionState } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import type { ActionState } from "@/lib/actions";
import { createLandingPage } from "@/lib/backoffice/content-actions";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";

export function NewPageForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createLandingPage, useFlashState("new-page", {}));
  const v = state.values;
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start" key={JSON.stringify(v ?? {})} aria-label="New landing page">
      <FormKeyField formKey={"new-page"} />
      <Field label="Title" name="title" required maxLength={120} autoComplete="off" defaultValue={v?.title} errors={state.errors?.title} id="new-title" />
      <Field label="Address" name="slug" required maxLength={80} autoComplete="off" defaultValue={v?.slug} errors={state.errors?.slug} hint="The page will be at /l/ followed by this, like summer-market." id="new-slug" />
      <button type="submit" disabled={pending} className={`${primaryButton} sm:mt-6`}>
        {pending ? "Creating…" : "Create page"}
      </button>
      <div className="sm:col-span-3">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}
