import type { Metadata } from "next";
import { PictureByUrl } from "@/components/media/media-image";
import { Link } from "@/components/layout/shop-link";
import { connection } from "next/server";
import { Suspense } from "react";
import { primaryButton } from "@/components/account/form-field";
import { BasketLineForms } from "@/components/basket/basket-line-forms";
import { BasketTotalsTable } from "@/components/basket/basket-totals";
import { LineDiscount } from "@/components/basket/line-discount";
import { PromotionCodeForm } from "@/components/basket/promotion-code-form";
import { discountReasons } from "@/lib/promotions/basket";
import { ShowStreamedContentWithoutJs } from "@/components/layout/show-streamed-content";
import { getDb } from "@/db/client";
import { getBasketView, type BasketView } from "@/db/queries/baskets";
import { currentBasketId } from "@/lib/basket/session";
import { formatGrams, formatQuantity, quantityOptions } from "@/lib/basket/pricing";
import { formatCents, formatPrice } from "@/lib/catalog/pricing";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Your basket", robots: { index: false, follow: false } };

export default function BasketPage({ searchParams }: PageProps<"/at/[store]/basket">) {
  return (
    <div className="mx-auto max-w-4xl space-y-6 py-4">
      <h1 className="text-3xl font-extrabold">Your basket</h1>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading your basket…</p>}>
        <Basket searchParams={searchParams} />
      </Suspense>
      <ShowStreamedContentWithoutJs />
    </div>
  );
}

async function Basket({ searchParams }: { searchParams: PageProps<"/at/[store]/basket">["searchParams"] }) {
  await connection();
  const basketId = await currentBasketId();
  const view = basketId ? await getBasketView(getDb(), basketId) : null;
  const notice = noticeText(await searchParams, view);
  return (
    <>
      {notice && (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "rounded-lg bg-brand-50 px-3 py-2 font-medium text-brand-800" : "rounded-lg border border-accent-500 bg-orange-50 px-3 py-2 font-medium text-accent-600"}>
          {notice.text}
        </p>
      )}
      {!view || view.lines.length === 0 ? (
        <div className="rounded-2xl border border-stone-200 bg-white p-6">
          <p className="text-lg">Your basket is empty.</p>
          <Link href="/" className="mt-3 inline-block font-semibold text-brand-700 underline">
            Start shopping
          </Link>
        </div>
      ) : (
        <BasketContents view={view} />
      )}
    </>
  );
}

function BasketContents({ view }: { view: BasketView }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <section aria-label="Basket lines" className="rounded-2xl border border-stone-200 bg-white">
        <p className="border-b border-stone-100 px-4 py-3 text-sm text-stone-600">
          Prices and stock at <strong>{view.store.name}</strong>.{" "}
          <Link href="/stores" className="text-brand-700 underline">
            Change store
          </Link>
        </p>
        <ul className="divide-y divide-stone-100">
          {view.lines.map((line) => (
            <li key={line.variantId} className="flex gap-4 p-4" data-testid="basket-line">
              {line.imageUrl && <PictureByUrl src={line.imageUrl} alt="" width={72} height={72} sizes="72px" className="size-18 rounded-xl bg-stone-50 object-contain" />}
              <div className="min-w-0 flex-1 space-y-2">
                <div className="flex flex-wrap justify-between gap-2">
                  <div>
                    <Link href={`/p/${line.productSlug}`} className="font-semibold hover:underline">
                      {line.productName}
                    </Link>
                    <p className="text-sm text-stone-600">
                      {line.sizeLabel} · {formatPrice(line)}
                    </p>
                  </div>
                  <p className="font-semibold tabular-nums" data-testid="line-estimate">
                    {line.sellingMode === "weight" && <span className="text-sm font-normal text-stone-600">about </span>}
                    {formatCents(line.estimateCents)}
                  </p>
                </div>
                <LineDiscount discountCents={line.discountCents} reasons={line.reasons} />
                {line.sellingMode === "weight" && (
                  <p className="text-sm text-stone-600">
                    Estimated weight {formatGrams(line.quantity)}; charged at the weight picked.
                  </p>
                )}
                <BasketLineForms
                  variant={{ id: line.variantId, sellingMode: line.sellingMode }}
                  quantity={line.quantity}
                  options={quantityOptions(line, line.quantity)}
                  productName={line.productName}
                />
                {line.message && (
                  <p role="alert" className="text-sm font-medium text-accent-600">
                    {line.message}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <aside aria-label="Basket total" className="space-y-4 self-start rounded-2xl border border-stone-200 bg-white p-5">
        <BasketTotalsTable totals={view.totals} deliveryLabel="Home delivery (collection is free)" reasons={discountReasons(view.lines)} />
        <PromotionCodeForm current={view.promotions.code} />
        {view.promotions.refusalMessage && (
          <p role="alert" className="text-sm font-medium text-accent-600" data-testid="promotion-refusal">
            {view.promotions.refusalMessage}
          </p>
        )}
        {view.totals.freeDeliveryRemainingCents > 0 && (
          <p className="text-sm text-brand-800">Add {formatCents(view.totals.freeDeliveryRemainingCents)} more for free home delivery.</p>
        )}
        {view.ready ? (
          <Link href="/checkout" className={`${primaryButton} block text-center`}>
            Checkout
          </Link>
        ) : (
          <p className="text-sm font-medium text-accent-600">Please fix the lines marked above before checking out.</p>
        )}
      </aside>
    </div>
  );
}

/** What the basket actions (without JavaScript) report through the URL. */
function noticeText(params: Record<string, string | string[] | undefined>, view: BasketView | null): { ok: boolean; text: string } | null {
  const variantId = Number(params.variant);
  const line = view?.lines.find((l) => l.variantId === variantId);
  const name = line?.productName ?? "The product";
  switch (params.notice) {
    case "added":
      return { ok: true, text: line ? `Added ${name}: you now have ${formatQuantity(line, line.quantity)}.` : "Added to your basket." };
    case "updated":
      return { ok: true, text: "Basket updated." };
    case "insufficient_stock":
      return { ok: false, text: `Sorry, ${view?.store.name ?? "your store"} does not have that much of ${line ? name : "this product"} in stock.` };
    case "invalid_quantity":
      return { ok: false, text: "That quantity is not possible for this product." };
    case "unknown_variant":
      return { ok: false, text: "This product is no longer available." };
    case "basket_not_found":
      return { ok: false, text: "Your basket could not be found; it may have expired." };
    default:
      return null;
  }
}
