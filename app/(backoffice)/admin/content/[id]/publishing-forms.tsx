"use client";
// Publishing a page: now, off the storefront, on a schedule (Paris time), or back to an older revision.
import { useActionState } from "react";
import { Field, FormMessage } from "@/components/account/form-field";
import { ActionForm, SubmitButton } from "@/components/backoffice/action-form";
import type { ActionState } from "@/lib/actions";
import { publishPage, restoreRevision, schedulePage, unpublishPage } from "@/lib/backoffice/content-actions";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

const primary = "rounded-full bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
const secondary = "rounded-full border border-stone-300 bg-white px-5 py-2.5 font-semibold hover:bg-stone-100 disabled:opacity-60";

export function PublishForms({ id, version, published }: { id: number; version: number; published: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm action={publishPage} className="flex flex-wrap items-center gap-3" label="Publish now">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <SubmitButton className={primary} busy="Publishing…">
          Publish now
        </SubmitButton>
      </ActionForm>
      {published && (
        <ActionForm action={unpublishPage} className="flex flex-wrap items-center gap-3" label="Unpublish">
          <input type="hidden" name="id" value={id} />
          <SubmitButton className={secondary} busy="Unpublishing…">
            Unpublish
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}

export function ScheduleForm({ id, version, publishAt, unpublishAt }: { id: number; version: number; publishAt: string; unpublishAt: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(schedulePage, useFlashState(keyOf("schedule-page", id), {}));
  const v = state.values;
  return (
    <form action={action} noValidate className="space-y-3" aria-label="Schedule" key={JSON.stringify(v ?? {})}>
      <FormKeyField formKey={keyOf("schedule-page", id)} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Publish on" name="publishAt" type="datetime-local" defaultValue={v?.publishAt ?? publishAt} errors={state.errors?.publishAt} hint="Paris time. Publishes the draft as saved now." id="field-publishAt" />
        <Field label="Take down on" name="unpublishAt" type="datetime-local" defaultValue={v?.unpublishAt ?? unpublishAt} errors={state.errors?.unpublishAt} hint="Paris time." id="field-unpublishAt" />
      </div>
      <p className="text-sm text-stone-600">Leave a field empty to cancel what it schedules.</p>
      <button type="submit" disabled={pending} className={secondary}>
        {pending ? "Saving…" : "Save schedule"}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

export function RestoreForm({ id, version, revisionId, revisionVersion }: { id: number; version: number; revisionId: number; revisionVersion: number }) {
  return (
    <ActionForm action={restoreRevision} className="flex flex-wrap items-center gap-2" label={`Restore version ${revisionVersion}`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <SubmitButton className="rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-stone-100" busy="Restoring…">
        Restore<span className="sr-only"> version {revisionVersion}</span>
      </SubmitButton>
    </ActionForm>
  );
}
