import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { Suspense } from "react";
import { LiveRefresh } from "@/components/backoffice/live-refresh";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { getDb } from "@/db/client";
import { listQueue, queueCounts, queueVersion, slotsOfDay } from "@/db/queries/order-queue";
import { orderStatus } from "@/db/schema";
import { storePageAccess } from "@/lib/backoffice/pages";
import { parseQueueParams, queueHref, searchFilter, shiftDay, type QueueParams } from "@/lib/backoffice/queue-params";
import { formatCents } from "@/lib/catalog/pricing";
import { ORDER_STATUS_LABELS, SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { dayRange } from "@/lib/time/zoned";
import { StaffOnly } from "../../../staff-gate";

type Props = PageProps<"/admin/stores/[store]/orders">;

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

const access = (slug: string) => storePageAccess(slug, `/admin/stores/${slug}/orders`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await access((await params).store);
  return { title: found.allowed ? `Orders · ${found.store.name}` : "Staff only" };
}

/** The statuses a store works with, in lifecycle order (unpaid orders are not the store's yet). */
const QUEUE_STATUSES = orderStatus.enumValues.filter((s) => s !== "pending_payment" && s !== "authorized");

const time = new Intl.DateTimeFormat("en-GB", { timeZone: SHOP_TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const longDay = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" });

export default function QueuePage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-7xl space-y-5 px-4 py-6">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading the queue…</p>}>
        <Queue params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function Queue({ params, searchParams }: Pick<Props, "params" | "searchParams">) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const found = await access(slug);
  if (!found.allowed) return <StaffOnly />;
  const { store } = found;
  const filter = parseQueueParams(query);
  const range = dayRange(filter.day, SHOP_TIME_ZONE);
  const base = { storeId: store.id, ...range, slotId: filter.slot, fulfilment: filter.fulfilment, ...searchFilter(filter.q) };
  const db = getDb();
  const [page, counts, version, slots] = await Promise.all([
    listQueue(db, { ...base, status: filter.status, after: filter.after }),
    queueCounts(db, base),
    queueVersion(db, { storeId: store.id, ...range }),
    slotsOfDay(db, { storeId: store.id, ...range }),
  ]);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const href = (changes: Partial<QueueParams>) => queueHref(store.slug, filter, changes);

  return (
    <>
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{store.name}</p>
          <h1 className="text-3xl font-extrabold">Orders for {longDay.format(new Date(`${filter.day}T12:00:00Z`))}</h1>
          <LiveRefresh url={`/api/admin/stores/${store.slug}/queue-version?day=${filter.day}`} version={version} label="This list updates by itself." />
        </div>
        <nav aria-label="Days" className="flex gap-2">
          <Link href={href({ day: shiftDay(filter.day, -1), slot: undefined })} className="rounded-full border border-stone-300 bg-white px-4 py-2.5 font-semibold hover:bg-stone-100">
            ← Previous day
          </Link>
          <Link href={href({ day: shiftDay(filter.day, 1), slot: undefined })} className="rounded-full border border-stone-300 bg-white px-4 py-2.5 font-semibold hover:bg-stone-100">
            Next day →
          </Link>
        </nav>
      </header>

      <nav aria-label="Orders by status">
        <ul className="flex flex-wrap gap-2">
          <StatusTab href={href({ status: undefined })} current={!filter.status} label="All" count={total} />
          {QUEUE_STATUSES.map((status) => (
            <StatusTab key={status} href={href({ status })} current={filter.status === status} label={ORDER_STATUS_LABELS[status]} count={counts[status] ?? 0} />
          ))}
        </ul>
      </nav>

      <Form action={`/admin/stores/${store.slug}/orders`} className="grid gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6" aria-label="Filter orders">
        <label className="block text-sm font-medium">
          Day
          <input type="date" name="day" defaultValue={filter.day} className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2.5" />
        </label>
        <label className="block text-sm font-medium">
          Status
          <select name="status" defaultValue={filter.status ?? ""} className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5">
            <option value="">All</option>
            {QUEUE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ORDER_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Slot
          <select name="slot" defaultValue={filter.slot ?? ""} className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5">
            <option value="">All slots</option>
            {slots.map((s) => (
              <option key={s.id} value={s.id}>
                {time.format(s.startsAt)}–{time.format(s.endsAt)} {s.kind} ({s.booked}/{s.capacity})
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Delivery or collection
          <select name="fulfilment" defaultValue={filter.fulfilment ?? ""} className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5">
            <option value="">Both</option>
            <option value="delivery">Delivery</option>
            <option value="collection">Collection</option>
          </select>
        </label>
        <label className="block text-sm font-medium">
          Order number or e-mail
          <input type="search" name="q" defaultValue={filter.q ?? ""} className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2.5" />
        </label>
        <div className="flex items-end">
          <button type="submit" className="w-full rounded-full bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
            Show orders
          </button>
        </div>
      </Form>

      {page.rows.length === 0 ? (
        <p className="rounded-2xl border border-stone-200 bg-white p-6 text-stone-700" data-testid="queue-empty">
          No orders match.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
          <table className="w-full text-left" data-testid="order-queue">
            <caption className="sr-only">Orders of the day, by slot</caption>
            <thead className="border-b border-stone-200 text-sm text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-3">Slot</th>
                <th scope="col" className="px-4 py-3">Order</th>
                <th scope="col" className="px-4 py-3">Customer</th>
                <th scope="col" className="px-4 py-3">Items</th>
                <th scope="col" className="px-4 py-3 text-right">Total</th>
                <th scope="col" className="px-4 py-3">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {page.rows.map((row) => (
                <tr key={row.id} data-testid="queue-row" data-order-number={row.number}>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {time.format(row.slotStartsAt)}–{time.format(row.slotEndsAt)}
                    <span className="block text-sm text-stone-600">{row.fulfilment === "delivery" ? "Delivery" : "Collection"}</span>
                  </td>
                  <td className="px-4 py-3">
                    <Link href={`/admin/orders/${row.id}`} className="font-semibold text-brand-700 underline">
                      {row.number}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    {row.customerName}
                    <span className="block text-sm text-stone-600">{row.contactEmail}</span>
                  </td>
                  <td className="px-4 py-3 tabular-nums">{row.lineCount}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatCents(row.totalCents)}</td>
                  <td className="px-4 py-3">
                    <OrderStatusBadge status={row.status} />
                    {row.pickerName && <span className="block text-sm text-stone-600">by {row.pickerName}</span>}
                    {row.authorizationFlaggedAt && row.status !== "cancelled" && (
                      <span className="mt-1 block text-sm font-semibold text-accent-600" data-testid="authorization-flag">
                        Card authorisation expires soon: pick today
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.next && (
        <Link href={href({ after: page.next, status: filter.status })} className="inline-block rounded-full border border-stone-300 bg-white px-5 py-2.5 font-semibold hover:bg-stone-100" rel="next">
          Next orders
        </Link>
      )}
      {filter.after && (
        <Link href={href({ status: filter.status })} className="ml-3 inline-block text-brand-700 underline">
          Back to the first orders
        </Link>
      )}
    </>
  );
}

function StatusTab({ href, current, label, count }: { href: string; current: boolean; label: string; count: number }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        className="inline-block rounded-full border border-stone-300 bg-white px-4 py-2.5 font-semibold hover:bg-stone-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50"
      >
        {label} <span className="tabular-nums text-stone-600">{count}</span>
      </Link>
    </li>
  );
}

