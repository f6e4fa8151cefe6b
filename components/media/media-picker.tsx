"use client";
// Choosing a picture inside another form: a recent upload (radio buttons named `name`, so the
// choice is submitted with the caller's form, with or without JavaScript), or a new upload (sent
// at once, with JavaScript, then selected). The caller passes recent uploads (listMedia).
import Image from "next/image";
import { useId, useRef, useState, useTransition } from "react";
import { uploadMedia, type UploadState } from "@/lib/backoffice/media-actions";
import { ACCEPTED_TYPES, MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from "@/lib/media/limits";
import { MEDIA_PATH_PREFIX } from "@/lib/media/sizes";

export type PickableMedia = { id: string; width: number; height: number; alt: string; fileName?: string };

export type MediaPickerProps = {
  /** The form field that receives the chosen picture's id. */
  name: string;
  recent: PickableMedia[];
  /** The picture chosen so far. */
  defaultValue?: string | null;
  label?: string;
  /** Offer "No picture" (submits an empty value). */
  allowNone?: boolean;
  errors?: string[];
};

export function MediaPicker({ name, recent, defaultValue, label = "Picture", allowNone = false, errors }: MediaPickerProps) {
  const id = useId();
  const [pictures, setPictures] = useState(recent);
  const [chosen, setChosen] = useState(defaultValue ?? "");
  const [uploadState, setUploadState] = useState<UploadState>({});
  const [pending, startTransition] = useTransition();
  const fileRef = useRef<HTMLInputElement>(null);
  const altRef = useRef<HTMLInputElement>(null);

  function sendUpload() {
    const file = fileRef.current?.files?.[0];
    const alt = altRef.current?.value ?? "";
    if (!file) return setUploadState({ ok: false, errors: { file: ["Choose a picture to upload."] } });
    if (file.size > MAX_UPLOAD_BYTES) return setUploadState({ ok: false, errors: { file: [TOO_LARGE_MESSAGE] } });
    const form = new FormData();
    form.set("file", file);
    form.set("alt", alt);
    startTransition(async () => {
      const state = await uploadMedia({}, form);
      setUploadState(state);
      const added = (state as UploadState).media;
      if (added) {
        setPictures((list) => [added, ...list.filter((p) => p.id !== added.id)]);
        setChosen(added.id);
        if (fileRef.current) fileRef.current.value = "";
        if (altRef.current) altRef.current.value = "";
      }
    });
  }

  const fileErrors = uploadState.errors?.file;
  const altErrors = uploadState.errors?.alt;
  return (
    <fieldset className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="px-1 text-sm font-semibold text-stone-800">{label}</legend>
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-accent-600">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-6" data-testid="media-choices">
        {allowNone && (
          <label className="flex aspect-square cursor-pointer items-center justify-center rounded-xl border-2 border-stone-200 text-sm has-checked:border-brand-700">
            <input type="radio" name={name} value="" checked={chosen === ""} onChange={() => setChosen("")} className="sr-only" />
            No picture
          </label>
        )}
        {pictures.map((p) => (
          <label key={p.id} className="relative cursor-pointer overflow-hidden rounded-xl border-2 border-stone-200 has-checked:border-brand-700 has-focus-visible:outline-2">
            <input type="radio" name={name} value={p.id} checked={chosen === p.id} onChange={() => setChosen(p.id)} className="sr-only" />
            <Image src={`${MEDIA_PATH_PREFIX}${p.id}`} alt={p.alt || p.fileName || "Uploaded picture"} width={p.width} height={p.height} sizes="128px" className="aspect-square w-full object-cover" />
          </label>
        ))}
        {pictures.length === 0 && <p className="col-span-full text-sm text-stone-600">No pictures uploaded yet.</p>}
      </div>
      <div className="space-y-2 border-t border-stone-200 pt-3">
        <p className="text-sm font-medium text-stone-800">Or upload a new picture (JPEG, PNG or WebP, up to 10 MB)</p>
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm text-stone-700">
            File
          </label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept={ACCEPTED_TYPES}
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby={fileErrors?.length ? `${id}-file-error` : undefined}
            className="mt-1 block w-full text-sm"
          />
          {fileErrors?.length ? (
            <p id={`${id}-file-error`} className="mt-1 text-sm font-medium text-accent-600">
              {fileErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-alt`} className="block text-sm text-stone-700">
            Description (for people who cannot see it)
          </label>
          <input
            ref={altRef}
            id={`${id}-alt`}
            type="text"
            maxLength={300}
            aria-invalid={altErrors?.length ? true : undefined}
            aria-describedby={altErrors?.length ? `${id}-alt-error` : undefined}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
          />
          {altErrors?.length ? (
            <p id={`${id}-alt-error`} className="mt-1 text-sm font-medium text-accent-600">
              {altErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <button type="button" onClick={sendUpload} disabled={pending} className="rounded-full border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-100 disabled:opacity-60">
          {pending ? "Uploading…" : "Upload"}
        </button>
        {uploadState.message && (
          <p role={uploadState.ok === false ? "alert" : "status"} className={uploadState.ok === false ? "text-sm font-medium text-accent-600" : "text-sm text-brand-800"}>
            {uploadState.message}
          </p>
        )}
        <noscript>
          <p className="text-sm text-stone-600">Uploading here needs JavaScript; you can choose a picture uploaded before.</p>
        </noscript>
      </div>
    </fieldset>
  );
}
