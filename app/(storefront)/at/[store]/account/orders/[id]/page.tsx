import type { Metadata } from "next";
import Form from "next/form";
import { Link } from "@/components/layout/shop-link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache, Suspense } from "react";
import { primaryButton } from "@/components/account/form-field";
import { QueryProvider } from "@/components/layout/query-provider";
import { ShowStreamedContentWithoutJs } from "@/components/layout/show-streamed-content";
import { OrderFulfilment } from "@/components/orders/order-fulfilment";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { getDb } from "@/db/client";
import { getShopperOrder, type OrderDetail } from "@/db/queries/shopper-orders";
import { requireUser } from "@/lib/auth/guards";
import { cancelReasonText, formatDateTime, LIVE_STATUSES, timelineLabel } from "@/lib/orders/labels";
import { SHOPPER_CANCELLABLE } from "@/lib/orders/state-machine";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { cancelOrder, payOrder } from "@/lib/orders/actions";
import { LiveOrderStatus, SubmitButton } from "./order-client";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

type Props = PageProps<"/at/[store]/account/orders/[id]">;

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT, id: "00000000-0000-4000-8000-000000000000" }];
}

/**
 * The shopper's order, or the answer for everyone else: visitors are sent to sign in, and another
 * shopper's order (or an unknown or malformed id) is a 404. Called first from generateMetadata,
 * which Next.js resolves before the first byte (next.config.ts's htmlLimitedBots), so both are real
 * HTTP answers, not a 200 page that turns into one while streaming.
 */
const loadOrder = cache(async (id: string): Promise<OrderDetail> => {
  await connection();
  const user = await requireUser({ returnTo: `/account/orders/${id}` });
  const detail = await getShopperOrder(getDb(), user.id, id);
  if (!detail) notFound();
  return detail;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { order } = await loadOrder((await params).id);
  return { title: `Order ${order.number}`, robots: { index: false, follow: false } };
}

export default function OrderPage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 py-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/account/orders" className="text-brand-700 underline">
          Your orders
        </Link>
      </nav>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading your order…</p>}>
        <OrderDetail params={params} searchParams={searchParams} />
      </Suspense>
      <ShowStreamedContentWithoutJs />
    </div>
  );
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function OrderDetail({ params, searchParams }: Pick<Props, "params" | "searchParams">) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const detail = await loadOrder(id);
  const { order } = detail;
  const justPaid = first(query.paid) === "1";
  const thankYou = justPaid && (order.status === "authorized" || order.status === "confirmed");
  const cancellable = SHOPPER_CANCELLABLE.includes(order.status);
  const confirmingCancel = cancellable && first(query.cancel) === "1";
  // Back from paying, the payment is on its way: offering to pay again would only confuse.
  const payable = order.status === "pending_payment" && !justPaid && order.expiresAt > new Date();
  const notice = noticeFor(first(query.pay), first(query.cancel), order.status);

  return (
    <>
      <header className="space-y-2">
        {thankYou ? (
          <>
            <h1 className="text-3xl font-extrabold">
              Thank you! Order {order.number} is confirmed
            </h1>
            <p className="text-stone-700">
              We have booked your slot and will pick your groceries shortly before it. A confirmation e-mail is on its way to {order.contactEmail}.
            </p>
          </>
        ) : (
          <h1 className="text-3xl font-extrabold">Order {order.number}</h1>
        )}
        <p className="flex flex-wrap items-center gap-2 text-stone-600">
          Placed {formatDateTime(order.createdAt)} <OrderStatusBadge status={order.status} />
        </p>
        {LIVE_STATUSES.includes(order.status) && (
          <QueryProvider>
            <LiveOrderStatus orderId={order.id} status={order.status} />
          </QueryProvider>
        )}
      </header>

      {notice && (
        <p role="alert" className="rounded-lg border border-accent-500 bg-orange-50 px-4 py-3 font-medium text-accent-600" data-testid="order-notice">
          {notice}
        </p>
      )}

      {order.status === "cancelled" && (
        <p role={first(query.cancelled) === "1" ? "status" : undefined} className="rounded-2xl border border-stone-300 bg-white p-4" data-testid="cancelled-message">
          <strong>This order is cancelled.</strong> {cancelReasonText(order.cancelReason)} Nothing is charged, and any amount held on your card is released.
        </p>
      )}

      {order.status === "pending_payment" && (
        <section aria-labelledby="payment-heading" className="space-y-3 rounded-2xl border border-amber-300 bg-amber-50 p-5">
          <h2 id="payment-heading" className="text-xl font-bold">
            {justPaid ? "Waiting for your payment to be confirmed" : "Your payment is not complete"}
          </h2>
          <p className="text-stone-700">
            {justPaid
              ? "Your bank's answer is on its way; this usually takes a few seconds."
              : `Your items and slot are held until ${formatDateTime(order.expiresAt)}. Pay before then to confirm your order.`}
          </p>
          {payable && (
            <form action={payOrder}>
              <input type="hidden" name="orderId" value={order.id} />
              <SubmitButton className={primaryButton} busy="Opening the payment page…">
                Pay now
              </SubmitButton>
            </form>
          )}
        </section>
      )}

      {cancellable && (
        <section id="cancel" aria-labelledby="cancel-heading" className="space-y-3 rounded-2xl border border-stone-200 bg-white p-5">
          <h2 id="cancel-heading" className="text-xl font-bold">
            {confirmingCancel ? `Cancel order ${order.number}?` : "Changed your mind?"}
          </h2>
          {confirmingCancel ? (
            <>
              <p className="text-stone-700">
                Your slot and items are released{order.status === "pending_payment" ? "" : " and the amount held on your card is freed"}. This cannot be undone.
              </p>
              <div className="flex flex-wrap items-start gap-3">
                <form action={cancelOrder}>
                  <input type="hidden" name="orderId" value={order.id} />
                  <SubmitButton className="rounded-full bg-accent-600 px-5 py-2.5 font-semibold text-white hover:bg-orange-800 disabled:opacity-60" busy="Cancelling…">
                    Yes, cancel order {order.number}
                  </SubmitButton>
                </form>
                <Link href={`/account/orders/${order.id}`} className="rounded-full border border-stone-300 px-5 py-2.5 font-semibold hover:bg-stone-100">
                  Keep my order
                </Link>
              </div>
            </>
          ) : (
            <>
              <p className="text-stone-700">You can cancel this order until we start picking it.</p>
              {/* The first step is a plain GET: it shows the confirmation, with or without JavaScript. */}
              <Form action={`/account/orders/${order.id}`} scroll={false}>
                <input type="hidden" name="cancel" value="1" />
                <button type="submit" className="rounded-full border border-stone-300 px-5 py-2.5 font-semibold hover:bg-stone-100">
                  Cancel order
                </button>
              </Form>
            </>
          )}
        </section>
      )}

      <OrderFulfilment detail={detail} />
      <OrderLines detail={detail} heading="Your items" />
      <Timeline detail={detail} />
    </>
  );
}

/** What the actions came back to say (lib/orders/actions.ts), as long as it still applies. */
function noticeFor(pay: string | undefined, cancel: string | undefined, status: OrderDetail["order"]["status"]): string | null {
  if (cancel === "refused" && status !== "cancelled") return "This order can no longer be cancelled: we have started preparing it. Please contact your store.";
  if (status !== "pending_payment") return null;
  if (pay === "unavailable") return "Payment is unavailable at the moment. Please try again in a few minutes.";
  if (pay === "expired") return "The time to pay for this order has run out; it will be cancelled shortly.";
  return null;
}

function Timeline({ detail: { order, timeline } }: { detail: OrderDetail }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
      <h2 id="timeline-heading" className="text-xl font-bold">
        History
      </h2>
      <ol aria-label="Order history" className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4">
        {timeline.map((event, i) => (
          <li key={i} data-testid="timeline-entry">
            <p className="font-medium">{timelineLabel(event.toStatus, order.fulfilment)}</p>
            <p className="text-sm text-stone-600">
              <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
              {event.toStatus === "cancelled" && ` · ${cancelReasonText(event.reason)}`}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
