import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { listPromotions, promotionStatus, type PromotionListItem, type PromotionStatus } from "@/db/queries/promotion-admin";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { formatCents } from "@/lib/catalog/pricing";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { isoDay } from "@/lib/time/zoned";
import { StaffGate } from "../staff-gate";

export const metadata: Metadata = { title: "Promotions" };

const NEW_LINKS = [
  { kind: "code", label: "New code" },
  { kind: "multibuy", label: "New multi-buy" },
  { kind: "category_percent", label: "New category discount" },
] as const;

/** Promotions, for marketing: what each does, its status and uses. */
export default function PromotionsPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading promotions…</p>}>
        <StaffGate returnTo="/admin/promotions" roles={MARKETING_ROLES}>
          {() => <PromotionList />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

const STATUS: Record<PromotionStatus, { label: string; className: string }> = {
  scheduled: { label: "Scheduled", className: "bg-sky-100 text-sky-900" },
  live: { label: "Live", className: "bg-brand-50 text-brand-800" },
  ended: { label: "Ended", className: "bg-stone-100 text-stone-700" },
  archived: { label: "Archived", className: "bg-stone-200 text-stone-700" },
};

/** "10% off with WELCOME10 (from €20.00)", "3 for 2 on Greek yoghurt", "10% off Dairy". */
function whatItDoes(p: PromotionListItem): string {
  const percent = p.percentBp === null ? "" : `${p.percentBp / 100}%`;
  if (p.kind === "multibuy") return `${p.buyQuantity} for ${p.payQuantity} on ${p.productName ?? "a product"}`;
  if (p.kind === "category_percent") return `${percent} off ${p.categoryName ?? "a category"}`;
  const off = p.discountType === "fixed" ? formatCents(p.amountCents ?? 0) : percent;
  return `${off} off with ${p.code}${p.minBasketCents > 0 ? ` (from ${formatCents(p.minBasketCents)})` : ""}`;
}

async function PromotionList() {
  const now = new Date();
  const rows = await listPromotions(getDb());
  const day = (d: Date) => isoDay(d, SHOP_TIME_ZONE);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-extrabold">Promotions</h1>
        <ul className="flex flex-wrap gap-2">
          {NEW_LINKS.map((l) => (
            <li key={l.kind}>
              <Link href={`/admin/promotions/new?kind=${l.kind}`} className="inline-block rounded-full bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Promotions table">
        <table className="w-full border-collapse bg-white text-left" data-testid="promotions-table">
          <caption className="sr-only">Promotions</caption>
          <thead>
            <tr className="border-b border-stone-300 text-sm text-stone-700">
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2">What it does</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Runs</th>
              <th scope="col" className="p-2">Uses</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const status = STATUS[promotionStatus(p, now)];
              return (
                <tr key={p.id} className="border-b border-stone-200" data-testid="promotion-row">
                  <td className="p-2">
                    <Link href={`/admin/promotions/${p.id}`} className="font-semibold text-brand-700 underline">
                      {p.name}
                    </Link>
                  </td>
                  <td className="p-2">{whatItDoes(p)}</td>
                  <td className="p-2">
                    <span className={`rounded-full px-2 py-0.5 text-sm font-semibold ${status.className}`}>{status.label}</span>
                  </td>
                  <td className="p-2 text-sm">
                    {day(p.startsAt)} → {p.endsAt ? day(new Date(p.endsAt.getTime() - 1)) : "no end"}
                  </td>
                  <td className="p-2 tabular-nums">{p.kind === "code" ? `${p.usesCount} / ${p.maxUses ?? "∞"}` : `${p.orders} orders`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="mt-3 text-stone-600">No promotions yet.</p>}
      </div>
    </>
  );
}
