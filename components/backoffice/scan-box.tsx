"use client";
// The picking page's barcode field: a scanner types the EAN and presses Enter (so does a person at a
// keyboard). A scanned unit item is picked in full at once; a weighed one moves the focus to its
// weight field. Anything else is said out loud in the status line, and the field is ready again.
import { useRef, useState, useTransition } from "react";
import { settleLineAction } from "@/lib/backoffice/picking-actions";

export type ScanLine = { id: string; ean: string | null; productName: string; sellingMode: "unit" | "weight"; quantity: number; settled: boolean };

export function ScanBox({ orderId, lines }: { orderId: string; lines: ScanLine[] }) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();

  const scan = (code: string) => {
    const line = lines.find((l) => l.ean === code && !l.settled) ?? lines.find((l) => l.ean === code);
    if (!line) return setMessage(`No item with barcode ${code} in this order.`);
    if (line.settled) return setMessage(`${line.productName} is already done.`);
    if (line.sellingMode === "weight") {
      setMessage(`${line.productName}: enter its weight.`);
      document.getElementById(`weight-${line.id}`)?.focus();
      return;
    }
    const form = new FormData();
    form.set("orderId", orderId);
    form.set("lineId", line.id);
    form.set("outcome", "picked");
    form.set("quantity", String(line.quantity));
    startTransition(async () => {
      const state = await settleLineAction({}, form);
      setMessage(state.ok ? `${line.productName}: ${line.quantity} picked.` : (state.message ?? "Could not save."));
      input.current?.focus();
    });
  };

  return (
    <>
      {/* Without JavaScript (ShowStreamedBackOfficeWithoutJs) the box is hidden and this says why. */}
      <p className="rounded-2xl border border-stone-200 bg-white p-4 text-stone-700" data-without-js data-testid="scan-off">
        Scanning needs JavaScript: mark each item in the list below.
      </p>
      <form
        data-needs-js
        className="rounded-2xl border-2 border-brand-700 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          const code = input.current?.value.trim() ?? "";
          if (input.current) input.current.value = "";
          if (code) scan(code);
        }}
      >
        <label htmlFor="scan" className="block text-lg font-semibold">
          Scan or type a barcode
        </label>
        <div className="mt-2 flex gap-2">
          <input ref={input} id="scan" name="ean" inputMode="numeric" autoComplete="off" autoFocus className="min-h-12 w-full rounded-lg border border-stone-300 px-3 text-lg" />
          <button type="submit" disabled={pending} className="min-h-12 rounded-full bg-brand-700 px-5 font-semibold text-white disabled:opacity-60">
            Enter
          </button>
        </div>
        <p role="status" aria-live="polite" className="mt-2 min-h-6 font-medium" data-testid="scan-status">
          {pending ? "Saving…" : message}
        </p>
      </form>
    </>
  );
}
