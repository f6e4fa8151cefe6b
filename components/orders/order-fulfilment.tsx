// How and when an order reaches the shopper: the slot, and the delivery address or the store to
// collect from. The shopper's order page and the back office's show the same card.
import type { OrderDetail } from "@/db/queries/shopper-orders";
import { formatSlot } from "@/lib/mail/order-emails";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";

export function OrderFulfilment({ detail: { order, store, storeAddress, slot } }: { detail: Pick<OrderDetail, "order" | "store" | "storeAddress" | "slot"> }) {
  const delivery = order.fulfilment === "delivery";
  const address = delivery && order.deliveryAddress;
  return (
    <section aria-labelledby="fulfilment-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
      <h2 id="fulfilment-heading" className="text-xl font-bold">
        {delivery ? "Home delivery" : "Click & collect"}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="text-stone-600">Slot</dt>
        <dd data-testid="order-slot">{formatSlot(slot, SHOP_TIME_ZONE)}</dd>
        <dt className="text-stone-600">{delivery ? "Delivered to" : "Collect at"}</dt>
        <dd>
          <address className="not-italic">
            {address ? (
              <>
                {address.recipient}
                <br />
                {address.street}
                <br />
                {address.postcode} {address.city}
                {address.phone && (
                  <>
                    <br />
                    {address.phone}
                  </>
                )}
              </>
            ) : (
              <>
                {store.name}
                <br />
                {storeAddress.street}
                <br />
                {storeAddress.postcode} {storeAddress.city}
                {storeAddress.phone && (
                  <>
                    <br />
                    {storeAddress.phone}
                  </>
                )}
              </>
            )}
          </address>
          {delivery && <p className="mt-1 text-sm text-stone-600">From {store.name}</p>}
        </dd>
      </dl>
    </section>
  );
}
