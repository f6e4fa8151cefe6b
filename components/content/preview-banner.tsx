// Shown above a content page rendered from its draft (draft mode, staff only).
export function PreviewBanner({ path, editHref }: { path: string; editHref: string }) {
  return (
    <div role="status" data-testid="preview-banner" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-2xl border-2 border-dashed border-accent-600 bg-orange-50 px-4 py-3">
      <p className="font-semibold text-stone-900">Preview: this is the saved draft, as shoppers will see it once published.</p>
      <div className="flex flex-wrap gap-3">
        <a href={editHref} className="font-semibold text-brand-700 underline">
          Back to the editor
        </a>
        <a href={`/api/admin/content-preview/exit?to=${encodeURIComponent(path)}`} className="font-semibold text-brand-700 underline">
          Leave preview
        </a>
      </div>
    </div>
  );
}
