"use client";
// The photos page's forms: upload (file and description), add from the library, move and remove.
// Each works as a plain form without JavaScript; with it, a file over 10 MB is refused before it is sent.
import { useActionState, useState, type FormEvent } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import { SubmitButton } from "@/components/backoffice/action-form";
import { MediaPicker, type PickableMedia } from "@/components/media/media-picker";
import type { ActionState } from "@/lib/actions";
import { addLibraryPhoto, moveProductPhoto, removeProductPhoto, uploadProductPhoto } from "@/lib/backoffice/media-actions";
import { ACCEPTED_TYPES, MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from "@/lib/media/limits";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

export function UploadPhotoForm({ productId, tooLarge }: { productId: number; tooLarge: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    uploadProductPhoto,
    useFlashState(keyOf("upload-photo", productId), tooLarge ? { ok: false, message: TOO_LARGE_MESSAGE, errors: { file: [TOO_LARGE_MESSAGE] } } : {}),
  );
  const [localError, setLocalError] = useState<string | null>(null);
  const fileErrors = localError ? [localError] : state.errors?.file;

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > MAX_UPLOAD_BYTES) {
      event.preventDefault();
      setLocalError(TOO_LARGE_MESSAGE);
    } else setLocalError(null);
  }

  return (
    // React empties the form after each submission; after an error the description comes back from state.values.
    <form action={action} onSubmit={checkSize} aria-labelledby="upload-heading" className="mt-3 space-y-4 rounded-2xl border border-stone-200 bg-white p-4" noValidate>
      <FormKeyField formKey={keyOf("upload-photo", productId)} />
      <input type="hidden" name="productId" value={productId} />
      <div>
        <label htmlFor="field-file" className="block text-sm font-medium text-stone-800">
          Photo (JPEG, PNG or WebP, up to 10 MB)
        </label>
        <input
          id="field-file"
          name="file"
          type="file"
          accept={ACCEPTED_TYPES}
          required
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby={fileErrors?.length ? "field-file-error" : undefined}
          onChange={() => setLocalError(null)}
          className="mt-1 block w-full text-sm"
        />
        {fileErrors?.length ? (
          <p id="field-file-error" className="mt-1 text-sm font-medium text-accent-600">
            {fileErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <Field
        label="Description"
        name="alt"
        id="field-upload-alt"
        required
        maxLength={300}
        hint="What the photo shows, for people who cannot see it: “A 1 kg bag of Charlotte potatoes”."
        defaultValue={state.ok ? undefined : state.values?.alt}
        errors={state.errors?.alt}
      />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "Uploading…" : "Upload photo"}
      </button>
      {!localError && <FormMessage ok={state.ok} message={state.message === state.errors?.file?.[0] ? undefined : state.message} />}
    </form>
  );
}

export function LibraryPhotoForm({ productId, library }: { productId: number; library: PickableMedia[] }) {
  const [state, action] = useActionState<ActionState, FormData>(addLibraryPhoto, useFlashState(keyOf("library-photo", productId), {}));
  return (
    <form action={action} aria-labelledby="library-heading" className="mt-3 space-y-4" noValidate>
      <FormKeyField formKey={keyOf("library-photo", productId)} />
      <input type="hidden" name="productId" value={productId} />
      <MediaPicker name="mediaId" recent={library} label="Pictures uploaded before" defaultValue={state.values?.mediaId} errors={state.errors?.mediaId} />
      <Field label="Description" name="alt" id="field-library-alt" required maxLength={300} defaultValue={state.ok ? undefined : state.values?.alt} errors={state.errors?.alt} />
      <SubmitButton className={primaryButton} busy="Adding…">
        Add this picture
      </SubmitButton>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

const smallButton = "rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-stone-100 disabled:opacity-60";

/** Move up, move down, remove: one small form each. */
export function PhotoActions({ productId, imageId, alt, first, last }: { productId: number; imageId: number; alt: string; first: boolean; last: boolean }) {
  const [moved, move] = useActionState<ActionState, FormData>(moveProductPhoto, useFlashState(keyOf("move-photo", imageId), {}));
  const [removed, remove] = useActionState<ActionState, FormData>(removeProductPhoto, useFlashState(keyOf("remove-photo", imageId), {}));
  const failed = [moved, removed].find((s) => s.ok === false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={move} className="flex gap-2">
        <FormKeyField formKey={keyOf("move-photo", imageId)} />
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="imageId" value={imageId} />
        {!first && (
          <SubmitButton name="direction" value="up" className={smallButton} busy="Moving…">
            Move up<span className="sr-only"> {alt}</span>
          </SubmitButton>
        )}
        {!last && (
          <SubmitButton name="direction" value="down" className={smallButton} busy="Moving…">
            Move down<span className="sr-only"> {alt}</span>
          </SubmitButton>
        )}
      </form>
      <form action={remove}>
        <FormKeyField formKey={keyOf("remove-photo", imageId)} />
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="imageId" value={imageId} />
        <SubmitButton className={smallButton} busy="Removing…">
          Remove<span className="sr-only"> {alt}</span>
        </SubmitButton>
      </form>
      {failed && <FormMessage ok={false} message={failed.message} />}
    </div>
  );
}
