import type { Metadata } from "next";
import { Link } from "@/components/layout/shop-link";
import { connection } from "next/server";
import { Suspense } from "react";
import { Pagination } from "@/components/catalog/pagination";
import { ShowStreamedContentWithoutJs } from "@/components/layout/show-streamed-content";
import { OrderSummaryList } from "@/components/orders/order-summary-list";
import { getDb } from "@/db/client";
import { listShopperOrders } from "@/db/queries/shopper-orders";
import { requireUser } from "@/lib/auth/guards";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Your orders", robots: { index: false, follow: false } };

/** `?page=` as a page number; anything else is the first page. */
function pageOf(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

export default function OrdersPage({ searchParams }: PageProps<"/at/[store]/account/orders">) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 py-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/account" className="text-brand-700 underline">
          Your account
        </Link>
      </nav>
      <h1 className="text-3xl font-extrabold">Your orders</h1>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading your orders…</p>}>
        <OrderHistory searchParams={searchParams} />
      </Suspense>
      <ShowStreamedContentWithoutJs />
    </div>
  );
}

async function OrderHistory({ searchParams }: { searchParams: PageProps<"/at/[store]/account/orders">["searchParams"] }) {
  await connection();
  const page = pageOf((await searchParams).page);
  const user = await requireUser({ returnTo: page > 1 ? `/account/orders?page=${page}` : "/account/orders" });
  const result = await listShopperOrders(getDb(), user.id, { page });
  if (result.total === 0) {
    return (
      <p className="rounded-2xl border border-stone-200 bg-white p-5 text-stone-600">
        You have no orders yet.{" "}
        <Link href="/" className="font-semibold text-brand-700 underline">
          Start shopping
        </Link>
      </p>
    );
  }
  if (result.items.length === 0) {
    return (
      <p className="rounded-2xl border border-stone-200 bg-white p-5 text-stone-600">
        There is no page {page}.{" "}
        <Link href="/account/orders" className="font-semibold text-brand-700 underline">
          See your latest orders
        </Link>
      </p>
    );
  }
  return (
    <section aria-label="Order history">
      <p className="mb-3 text-sm text-stone-600">
        {result.total} {result.total === 1 ? "order" : "orders"}, newest first.
      </p>
      <OrderSummaryList orders={result.items} />
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(n) => (n === 1 ? "/account/orders" : `/account/orders?page=${n}`)} />
    </section>
  );
}
