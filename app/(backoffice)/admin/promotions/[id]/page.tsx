import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { getPromotion, promotionStatus, promotionTargets } from "@/db/queries/promotion-admin";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { isIntId } from "@/lib/ids";
import { promotionFormValues } from "@/lib/promotions/form";
import { StaffGate } from "../../staff-gate";
import { ArchiveForm, PromotionForm } from "../promotion-form";

export const metadata: Metadata = { title: "Promotion" };

type Props = PageProps<"/admin/promotions/[id]">;

/** One promotion: edit it while it is not archived, or archive it. */
export default function PromotionPage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/promotions" className="text-brand-700 underline">
          Promotions
        </Link>
      </nav>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <StaffGate returnTo="/admin/promotions" roles={MARKETING_ROLES}>
          {() => <EditPromotion params={params} searchParams={searchParams} />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

async function EditPromotion({ params, searchParams }: Pick<Props, "params" | "searchParams">) {
  const [{ id: raw }, { created }] = await Promise.all([params, searchParams]);
  const id = Number(raw);
  const promotion = isIntId(id) ? await getPromotion(getDb(), id) : null;
  if (!promotion) notFound();
  const targets = promotion.kind === "code" ? { products: [], categories: [] } : await promotionTargets(getDb());
  const status = promotionStatus(promotion, new Date());
  return (
    <>
      <h1 className="mt-2 text-3xl font-extrabold">{promotion.name}</h1>
      <p className="mt-1 text-stone-700" data-testid="promotion-status">
        {status === "archived" ? "Archived" : status === "live" ? "Live" : status === "scheduled" ? "Scheduled" : "Ended"}
        {promotion.kind === "code" && ` · used by ${promotion.usesCount} order${promotion.usesCount === 1 ? "" : "s"}${promotion.maxUses !== null ? ` of ${promotion.maxUses}` : ""}`}
      </p>
      {created && (
        <p role="status" className="mt-3 rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
          Promotion created.
        </p>
      )}
      {promotion.active ? (
        <div className="mt-6 space-y-8">
          <PromotionForm kind={promotion.kind} initial={promotionFormValues(promotion)} products={targets.products} categories={targets.categories} />
          <ArchiveForm id={promotion.id} />
        </div>
      ) : (
        <p className="mt-6 text-stone-700">An archived promotion applies nowhere; the orders that used it keep their discount.</p>
      )}
    </>
  );
}
