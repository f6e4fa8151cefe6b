"use client";

import { useActionState } from "react";
import { chooseStore } from "@/lib/storefront/actions";

export function ChooseStoreButton({ slug, name }: { slug: string; name: string }) {
  const [state, action, pending] = useActionState(chooseStore, {});
  return (
    <form action={action}>
      <input type="hidden" name="store" value={slug} />
      <button type="submit" disabled={pending} className="rounded-full bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60" aria-label={`Choose this store: ${name}`}>
        {pending ? "Choosing…" : "Choose this store"}
      </button>
      {state.message && (
        <p role="alert" className="mt-2 text-sm text-accent-600">
          {state.message}
        </p>
      )}
    </form>
  );
}
