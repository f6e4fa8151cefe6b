import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { promotionTargets } from "@/db/queries/promotion-admin";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { isoDay } from "@/lib/time/zoned";
import { StaffGate } from "../../staff-gate";
import { PromotionForm } from "../promotion-form";

export const metadata: Metadata = { title: "New promotion" };

type Props = PageProps<"/admin/promotions/new">;

const TITLES = { code: "New promotion code", multibuy: "New multi-buy", category_percent: "New category discount" } as const;
type Kind = keyof typeof TITLES;

/** Creates a promotion of the kind in `?kind=` (a code by default). */
export default function NewPromotionPage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/promotions" className="text-brand-700 underline">
          Promotions
        </Link>
      </nav>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <StaffGate returnTo="/admin/promotions/new" roles={MARKETING_ROLES}>
          {() => <NewPromotion searchParams={searchParams} />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

async function NewPromotion({ searchParams }: { searchParams: Props["searchParams"] }) {
  const { kind: raw } = await searchParams;
  const kind: Kind = raw === "multibuy" || raw === "category_percent" ? raw : "code";
  const targets = kind === "code" ? { products: [], categories: [] } : await promotionTargets(getDb());
  return (
    <>
      <h1 className="mt-2 text-3xl font-extrabold">{TITLES[kind]}</h1>
      <div className="mt-6">
        <PromotionForm kind={kind} initial={{ startsOn: isoDay(new Date(), SHOP_TIME_ZONE) }} products={targets.products} categories={targets.categories} />
      </div>
    </>
  );
}
