import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { Suspense } from "react";
import { StaffOnly } from "@/app/(backoffice)/admin/staff-gate";
import { BasketTotalsTable } from "@/components/basket/basket-totals";
import { ActionForm, bigButton, bigSecondaryButton, SubmitButton } from "@/components/backoffice/action-form";
import { ScanBox } from "@/components/backoffice/scan-box";
import { getDb } from "@/db/client";
import { pickingList, searchSubstitutes, type PickingLine } from "@/db/queries/picking";
import { orderPeople } from "@/db/queries/staff-order";
import type { Order } from "@/db/schema";
import { orderPageAccess } from "@/lib/backoffice/pages";
import { finishPickingAction, settleLineAction } from "@/lib/backoffice/picking-actions";
import { formatQuantity } from "@/lib/basket/pricing";
import { formatCents } from "@/lib/catalog/pricing";
import { ORDER_STATUS_LABELS } from "@/lib/orders/labels";
import { pickOutcomeText } from "@/lib/picking/labels";
import { pickedDiscounts, pickTotals } from "@/lib/picking/settle";
import type { PromotionSnapshot } from "@/lib/promotions/basket";
import { orderPromotionSnapshot } from "@/db/queries/promotions";

type Props = PageProps<"/admin/orders/[id]/pick">;

export function generateStaticParams() {
  return [{ id: "00000000-0000-4000-8000-000000000000" }];
}

const access = (id: string) => orderPageAccess(id, `/admin/orders/${id}/pick`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await access((await params).id);
  if (!found.allowed) return { title: "Staff only" };
  const { order } = found;
  return { title: `Pick ${order.number}` };
}

export default function PickPage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading the picking list…</p>}>
        <Picking params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function Picking({ params, searchParams }: Pick<Props, "params" | "searchParams">) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const found = await access(id);
  if (!found.allowed) return <StaffOnly />;
  const { user, order } = found;
  const db = getDb();
  const [lines, people, promotions] = await Promise.all([pickingList(db, id), orderPeople(db, id), orderPromotionSnapshot(db, id)]);
  const mine = order.status === "picking" && order.pickerId === user.id;
  const settled = lines.filter((l) => l.pickStatus !== null).length;
  // One line's substitute search at a time: ?line=<id>&sq=<words>.
  const searchLine = mine ? lines.find((l) => l.id === first(query.line)) : undefined;
  const searchText = first(query.sq)?.trim() ?? "";
  const candidates = searchLine && searchText ? await searchSubstitutes(db, { storeId: order.storeId, text: searchText, excludeVariantId: searchLine.variantId }) : [];
  const aisles = new Map<string, PickingLine[]>();
  for (const line of lines) aisles.set(line.aisle, [...(aisles.get(line.aisle) ?? []), line]);

  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/orders/${order.id}`} className="text-brand-700 underline">
          Order {order.number}
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-3xl font-extrabold">Picking {order.number}</h1>
        <p className="text-lg text-stone-700" data-testid="pick-progress">
          {settled} of {lines.length} items done
        </p>
      </header>
      {!mine && (
        <p role="alert" className="rounded-lg border border-accent-500 bg-orange-50 px-4 py-3 font-medium text-accent-600">
          {order.status === "picking"
            ? `${people.pickerName ?? "Someone else"} is picking this order.`
            : `This order is ${ORDER_STATUS_LABELS[order.status].toLowerCase()}, not being picked.`}
        </p>
      )}
      {mine && (
        <ScanBox
          orderId={order.id}
          lines={lines.map((l) => ({ id: l.id, ean: l.ean, productName: l.productName, sellingMode: l.sellingMode, quantity: l.quantity, settled: l.pickStatus !== null }))}
        />
      )}

      {[...aisles].map(([aisle, aisleLines]) => (
        <section key={aisle} aria-labelledby={`aisle-${aisleLines[0].id}`} className="space-y-3">
          <h2 id={`aisle-${aisleLines[0].id}`} className="text-xl font-bold">
            {aisle}
          </h2>
          <ul className="space-y-3">
            {aisleLines.map((line) => (
              <PickLine key={line.id} line={line} order={order} editable={mine} searching={line.id === searchLine?.id} searchText={searchText} candidates={candidates} />
            ))}
          </ul>
        </section>
      ))}

      {mine && <Finish order={order} lines={lines} settled={settled} promotions={promotions} />}
    </>
  );
}

function PickLine({
  line,
  order,
  editable,
  searching,
  searchText,
  candidates,
}: {
  line: PickingLine;
  order: Order;
  editable: boolean;
  searching: boolean;
  searchText: string;
  candidates: Awaited<ReturnType<typeof searchSubstitutes>>;
}) {
  const weighed = line.sellingMode === "weight";
  const hidden = (
    <>
      <input type="hidden" name="orderId" value={order.id} />
      <input type="hidden" name="lineId" value={line.id} />
    </>
  );
  return (
    <li className="rounded-2xl border border-stone-200 bg-white p-4" data-testid="pick-line" data-line-id={line.id} data-pick-status={line.pickStatus ?? "to_pick"}>
      <div className="flex flex-wrap justify-between gap-2">
        <div>
          <p className="text-lg font-semibold">{line.productName}</p>
          <p className="text-stone-700">
            {weighed ? `About ${formatQuantity(line, line.quantity)} at ${formatCents(line.unitPriceCents)} / kg` : `${line.quantity} × ${line.sizeLabel} at ${formatCents(line.unitPriceCents)}`}
          </p>
          <p className="text-sm text-stone-600">
            {line.ean ? `EAN ${line.ean}` : "No barcode"} · {line.substitution === "allow" ? "Substitute allowed" : "No substitute"}
          </p>
        </div>
        <p className="text-lg font-semibold" data-testid="line-outcome">
          {pickOutcomeText(line)}
          {line.pickStatus && <span className="block text-right tabular-nums">{formatCents(line.pickedTotalCents ?? 0)}</span>}
        </p>
      </div>
      {editable && line.pickStatus === null && (
        <div className="mt-3 space-y-3">
          <div className="flex flex-wrap gap-3">
            {weighed ? (
              <ActionForm action={settleLineAction} label={`Weight of ${line.productName}`} className="flex flex-wrap items-end gap-3">
                {hidden}
                <input type="hidden" name="outcome" value="picked" />
                <label className="block font-medium">
                  Weight in grams
                  <input id={`weight-${line.id}`} name="quantity" type="number" inputMode="numeric" min={1} required className="mt-1 block min-h-12 w-40 rounded-lg border border-stone-300 px-3 text-lg" />
                </label>
                <SubmitButton className={bigButton}>Save weight</SubmitButton>
              </ActionForm>
            ) : (
              <ActionForm action={settleLineAction} label={`Pick ${line.productName}`}>
                {hidden}
                <input type="hidden" name="outcome" value="picked" />
                <input type="hidden" name="quantity" value={line.quantity} />
                <SubmitButton className={bigButton}>Picked all {line.quantity}</SubmitButton>
              </ActionForm>
            )}
            <ActionForm action={settleLineAction} label={`${line.productName} missing`}>
              {hidden}
              <input type="hidden" name="outcome" value="missing" />
              <input type="hidden" name="found" value="0" />
              <SubmitButton className={bigSecondaryButton}>None left</SubmitButton>
            </ActionForm>
          </div>
          {line.quantity > 1 && (
            <details>
              <summary className="cursor-pointer py-2 font-medium text-brand-700">Found fewer</summary>
              <ActionForm action={settleLineAction} label={`Found fewer ${line.productName}`} className="mt-2 flex flex-wrap items-end gap-3">
                {hidden}
                <input type="hidden" name="outcome" value="missing" />
                <label className="block font-medium">
                  {weighed ? "Grams found" : "How many found"}
                  <input name="found" type="number" inputMode="numeric" min={0} max={line.quantity - 1} required className="mt-1 block min-h-12 w-40 rounded-lg border border-stone-300 px-3 text-lg" />
                </label>
                <SubmitButton className={bigSecondaryButton}>Save</SubmitButton>
              </ActionForm>
            </details>
          )}
          {line.substitution === "allow" && (
            <details open={searching}>
              <summary className="cursor-pointer py-2 font-medium text-brand-700">Substitute</summary>
              <Form action={`/admin/orders/${order.id}/pick`} scroll={false} className="mt-2 flex flex-wrap items-end gap-3">
                <input type="hidden" name="line" value={line.id} />
                <label className="block font-medium">
                  Search the store for a substitute
                  <input name="sq" type="search" defaultValue={searching ? searchText : ""} className="mt-1 block min-h-12 w-72 rounded-lg border border-stone-300 px-3 text-lg" />
                </label>
                <button type="submit" className={bigSecondaryButton}>
                  Search
                </button>
              </Form>
              {searching && searchText && candidates.length === 0 && <p className="mt-2 text-stone-700">Nothing in stock matches “{searchText}”.</p>}
              {searching && candidates.length > 0 && (
                <ul aria-label="Substitutes in stock" className="mt-3 divide-y divide-stone-100">
                  {candidates.map((c) => (
                    <li key={c.variantId} className="py-2">
                      <ActionForm action={settleLineAction} label={`Substitute with ${c.productName}`} className="flex flex-wrap items-end justify-between gap-3">
                        {hidden}
                        <input type="hidden" name="outcome" value="substituted" />
                        <input type="hidden" name="variantId" value={c.variantId} />
                        <span>
                          <span className="block font-medium">
                            {c.productName} · {c.sizeLabel}
                          </span>
                          <span className="text-sm text-stone-600">
                            {formatCents(c.unitPriceCents)}
                            {c.sellingMode === "weight" ? " / kg" : ""} · {formatQuantity(c, c.available)} in stock
                          </span>
                        </span>
                        <span className="flex items-end gap-2">
                          <label className="block text-sm font-medium">
                            {c.sellingMode === "weight" ? "Grams" : "How many"}
                            <input
                              name="quantity"
                              type="number"
                              inputMode="numeric"
                              min={1}
                              required
                              defaultValue={c.sellingMode === "weight" ? line.quantity : line.sellingMode === "unit" ? line.quantity : 1}
                              className="mt-1 block min-h-12 w-28 rounded-lg border border-stone-300 px-3 text-lg"
                            />
                          </label>
                          <SubmitButton className={bigSecondaryButton}>Use {c.productName}</SubmitButton>
                        </span>
                      </ActionForm>
                    </li>
                  ))}
                </ul>
              )}
            </details>
          )}
        </div>
      )}
      {editable && line.pickStatus !== null && (
        <ActionForm action={settleLineAction} label={`Undo ${line.productName}`} className="mt-3">
          {hidden}
          <input type="hidden" name="outcome" value="reset" />
          <SubmitButton className={bigSecondaryButton}>Undo</SubmitButton>
        </ActionForm>
      )}
    </li>
  );
}

function Finish({ order, lines, settled, promotions }: { order: Order; lines: PickingLine[]; settled: number; promotions: PromotionSnapshot | null }) {
  const done = settled === lines.length;
  const discounts = pickedDiscounts(lines, promotions);
  const totals = pickTotals(
    lines.map((l, i) => ({ ...l, discountCents: discounts[i] })),
    order.deliveryFeeCents,
  );
  return (
    <section aria-labelledby="finish-heading" className="space-y-4 rounded-2xl border-2 border-brand-700 bg-white p-5">
      <h2 id="finish-heading" className="text-xl font-bold">
        Finish picking
      </h2>
      {done ? (
        <>
          <BasketTotalsTable
            totals={{ subtotalCents: totals.itemsCents, discountCents: totals.discountCents, deliveryFeeCents: totals.deliveryFeeCents, totalCents: totals.totalCents, authorizedCents: order.authorizedCents, vat: totals.vat }}
            estimated={false}
            deliveryLabel={order.fulfilment === "delivery" ? "Delivery" : "Collection"}
          />
          {totals.totalCents > order.authorizedCents && (
            <p className="text-stone-700">
              The card is authorised for {formatCents(order.authorizedCents)}: that much is charged, and the {formatCents(totals.totalCents - order.authorizedCents)} above it is not.
            </p>
          )}
          <ActionForm action={finishPickingAction} label="Finish picking" className="flex flex-wrap gap-3">
            <input type="hidden" name="orderId" value={order.id} />
            <SubmitButton className={bigButton} busy="Finishing…">
              Finish and charge {formatCents(Math.min(totals.totalCents, order.authorizedCents))}
            </SubmitButton>
          </ActionForm>
        </>
      ) : (
        <p className="text-stone-700">Settle every item first: {lines.length - settled} to go.</p>
      )}
    </section>
  );
}
