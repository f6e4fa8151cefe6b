import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { StaffOnly } from "@/app/(backoffice)/admin/staff-gate";
import { ActionForm, bigButton, bigSecondaryButton, SubmitButton } from "@/components/backoffice/action-form";
import { AgentCancelForm } from "@/components/backoffice/agent-cancel-form";
import { LiveRefresh } from "@/components/backoffice/live-refresh";
import { PaymentSummary } from "@/components/backoffice/payment-summary";
import { RefundForm } from "@/components/backoffice/refund-form";
import { OrderFulfilment } from "@/components/orders/order-fulfilment";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { getDb } from "@/db/client";
import { getRefundableView, listRefunds } from "@/db/queries/refunds";
import { getOrderDetail } from "@/db/queries/shopper-orders";
import { orderPeople, orderVersion, staffOrderTimeline, type StaffTimelineEntry } from "@/db/queries/staff-order";
import { actionDetails, actionName } from "@/lib/backoffice/audit";
import { orderPageAccess } from "@/lib/backoffice/pages";
import { claimOrderAction, handOverAction } from "@/lib/backoffice/picking-actions";
import { cancelReasonText, formatDateTime, ORDER_STATUS_LABELS } from "@/lib/orders/labels";

type Props = PageProps<"/admin/orders/[id]">;

export function generateStaticParams() {
  return [{ id: "00000000-0000-4000-8000-000000000000" }];
}

const access = (id: string) => orderPageAccess(id, `/admin/orders/${id}`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await access((await params).id);
  if (!found.allowed) return { title: "Staff only" };
  const { order } = found;
  return { title: `Order ${order.number}` };
}

export default function StaffOrderPage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading the order…</p>}>
        <StaffOrder params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function StaffOrder({ params, searchParams }: Pick<Props, "params" | "searchParams">) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const found = await access(id);
  if (!found.allowed) return <StaffOnly />;
  const { user } = found;
  const db = getDb();
  const [detail, people, timeline, refunds] = await Promise.all([getOrderDetail(db, id), orderPeople(db, id), staffOrderTimeline(db, id), listRefunds(db, id)]);
  const { order, store } = detail!;
  const refundable = await getRefundableView(db, order);
  const ready = order.status === "ready_for_collection" || order.status === "out_for_delivery";
  const mine = order.pickerId === user.id;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/stores/${store.slug}/orders`} className="text-brand-700 underline">
          {store.name} orders
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-extrabold">Order {order.number}</h1>
        <p className="flex flex-wrap items-center gap-2 text-stone-600">
          Placed {formatDateTime(order.createdAt)} <OrderStatusBadge status={order.status} />
          {people.pickerName && <span>· picked by {people.pickerName}</span>}
        </p>
        <LiveRefresh url={`/api/admin/orders/${order.id}/version`} version={orderVersion(order)} label="This page updates by itself." />
        {query.picked === "1" && ["picked", "ready_for_collection", "out_for_delivery"].includes(order.status) && (
          <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 font-medium text-brand-800">
            Picking finished. The payment is being captured; the order then moves on to {order.fulfilment === "delivery" ? "delivery" : "collection"} by itself.
          </p>
        )}
        {order.status === "cancelled" && <p className="font-medium">{cancelReasonText(order.cancelReason)}</p>}
      </header>

      <div className="flex flex-wrap gap-3">
        {order.status === "confirmed" && (
          <ActionForm action={claimOrderAction} label="Start picking" className="flex flex-wrap gap-3">
            <input type="hidden" name="orderId" value={order.id} />
            <SubmitButton className={bigButton} busy="Starting…">
              Start picking
            </SubmitButton>
          </ActionForm>
        )}
        {order.status === "picking" && (
          <Link href={`/admin/orders/${order.id}/pick`} className={bigButton}>
            {mine ? "Continue picking" : "See the picking list"}
          </Link>
        )}
        {ready && (
          <ActionForm action={handOverAction} label="Hand over" className="flex flex-wrap gap-3">
            <input type="hidden" name="orderId" value={order.id} />
            <SubmitButton className={bigButton} busy="Saving…">
              {order.fulfilment === "delivery" ? "Delivered to the customer" : "Collected by the customer"}
            </SubmitButton>
          </ActionForm>
        )}
        <Link href={`/admin/stores/${store.slug}/orders`} className={bigSecondaryButton}>
          Back to the queue
        </Link>
      </div>

      <section aria-labelledby="customer-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="customer-heading" className="text-xl font-bold">
          Customer
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-stone-600">Name</dt>
          <dd>{people.customerName}</dd>
          <dt className="text-stone-600">E-mail</dt>
          <dd>
            <a href={`mailto:${order.contactEmail}`} className="text-brand-700 underline">
              {order.contactEmail}
            </a>
          </dd>
          {order.deliveryAddress?.phone && (
            <>
              <dt className="text-stone-600">Phone</dt>
              <dd>{order.deliveryAddress.phone}</dd>
            </>
          )}
        </dl>
      </section>

      <OrderFulfilment detail={detail!} />
      <OrderLines detail={detail!} heading="Items" />

      <PaymentSummary order={order} refunds={refunds} />
      <RefundForm orderId={order.id} refundable={refundable} />
      <AgentCancelForm orderId={order.id} status={order.status} captured={order.capturedCents !== null} />

      <Timeline entries={timeline} />
    </>
  );
}

function Timeline({ entries }: { entries: StaffTimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
      <h2 id="timeline-heading" className="text-xl font-bold">
        Timeline
      </h2>
      <ol aria-label="Everything that happened to this order" className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4">
        {entries.map((entry, i) => (
          <li key={i} data-testid="staff-timeline-entry">
            <p className="font-medium">
              {entry.kind === "status" ? (entry.from === entry.to ? "E-mail sent" : ORDER_STATUS_LABELS[entry.to]) : actionName(entry.action)}
              {entry.kind === "action" && actionDetails(entry) && <span className="font-normal text-stone-700"> · {actionDetails(entry)}</span>}
              {entry.kind === "status" && entry.reason && <span className="font-normal text-stone-700"> · {entry.reason}</span>}
            </p>
            <p className="text-sm text-stone-600">
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> · {entry.kind === "action" ? entry.who : (entry.who ?? actorLabel(entry.actor))}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function actorLabel(actor: string): string {
  if (actor === "stripe") return "Stripe";
  if (actor === "system") return "Halles";
  return actor;
}
