// Checkout: turns a shopper's basket into a pending_payment order in one transaction — server
// prices, stock reserved, slot held — or refuses it with a typed reason and changes nothing.
import { randomUUID } from "node:crypto";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  baskets,
  orderEvents,
  orderLines,
  orders,
  slots,
  storeDeliveryPostcodes,
  type DeliveryAddress,
  type Fulfilment,
  type Order,
  type OrderLine,
  type SubstitutionPreference,
} from "../schema";
import { getBasketView } from "./baskets";
import { holdSlot } from "./slots";
import { OutOfStockError, reserveStock, type OutOfStockItem } from "./stock";
import { normalizePostcode } from "./stores";
import { insertRedemptions, redeemCode } from "./promotions";
import { codeRefusalMessage, type CodeRefusal } from "@/lib/promotions/codes";
import { isIntId } from "@/lib/ids";
import { MAX_UNPAID_ORDERS_PER_ACCOUNT } from "@/lib/limits/policies";
import { formatCents } from "@/lib/catalog/pricing";

export type PlaceOrderInput = {
  /** The new order's id; the caller chooses it to look for the order after a lost connection. */
  orderId?: string;
  userId: string;
  basketId: string;
  fulfilment: Fulfilment;
  slotId: number;
  /** Required for home delivery. */
  address?: DeliveryAddress;
  /** Overrides the basket's per-line preference, by variant id. */
  substitutions?: Record<number, SubstitutionPreference>;
  contactEmail: string;
  now?: Date;
  /** Unpaid orders expire (stock and slot released) after this many minutes. */
  unpaidTtlMinutes?: number;
  /** The web request that placed it (lib/request-id.mjs): kept in the order's first event, for the jobs its payment sets off. */
  requestId?: string;
};

export type PlaceOrderError =
  | { code: "basket_not_found" }
  | { code: "empty_basket" }
  | { code: "invalid_quantity"; items: { variantId: number; productName: string; message: string }[] }
  | { code: "out_of_stock"; items: OutOfStockItem[] }
  | { code: "slot_invalid" }
  | { code: "slot_full" }
  | { code: "address_required" }
  | { code: "postcode_not_covered" }
  | { code: "too_many_unpaid" }
  /** The basket's code does not apply (any more), or its last use went to someone else. */
  | { code: "promotion_refused"; promotionCode: string; refusal: CodeRefusal }
  /** Promotions left less than a card can be charged. */
  | { code: "total_too_low" };

export type PlaceOrderResult = { ok: true; order: Order; lines: OrderLine[] } | { ok: false; error: PlaceOrderError };

/** The least a card payment can be (Stripe's minimum in euros). */
export const MIN_CHARGE_CENTS = 50;

const MESSAGES: Record<PlaceOrderError["code"], string> = {
  basket_not_found: "Your basket could not be found. Please refresh the page.",
  empty_basket: "Your basket is empty.",
  invalid_quantity: "Some quantities in your basket are no longer valid. Please check them.",
  out_of_stock: "Some items are no longer available in the quantity you chose.",
  slot_invalid: "This slot cannot be booked for this order. Please choose another one.",
  slot_full: "This slot has just filled up. Please choose another one.",
  address_required: "Please enter a delivery address.",
  postcode_not_covered: "This store does not deliver to that postcode.",
  promotion_refused: "This promotion code cannot be used.",
  total_too_low: `With its discounts this order comes to less than ${formatCents(MIN_CHARGE_CENTS)}, which a card cannot be charged. Please add something to your basket.`,
  too_many_unpaid: `You already have ${MAX_UNPAID_ORDERS_PER_ACCOUNT} orders waiting for payment. Pay for one or cancel it from your orders, then try again.`,
};

/** A sentence for the shopper; out-of-stock items are listed by name. */
export function placeOrderErrorMessage(error: PlaceOrderError): string {
  if (error.code === "out_of_stock") return `Not enough stock for: ${error.items.map((i) => i.productName).join(", ")}.`;
  if (error.code === "promotion_refused") return `${codeRefusalMessage(error.refusal, error.promotionCode)} Remove it from your basket to order without it.`;
  return MESSAGES[error.code];
}

/** Thrown inside the transaction so that everything done so far is rolled back. */
class CheckoutRefused extends Error {
  constructor(readonly error: PlaceOrderError) {
    super(error.code);
  }
}

function refuse(error: PlaceOrderError): never {
  throw new CheckoutRefused(error);
}

/** The next order number, H-001234, drawn in the statement that inserts the order. */
const nextOrderNumber = sql<string>`(select 'H-' || lpad(n::text, greatest(6, length(n::text)), '0') from nextval('order_number_seq') as n)`;

/**
 * Places an order for the shopper's basket. The basket is NOT emptied here: the web layer
 * clears it once payment has started, so a refused or abandoned payment loses nothing.
 *
 * Four round trips: BEGIN; the reads, sent together; the writes, sent together; COMMIT.
 * postgres.js pipelines the statements of a transaction that are issued at once, and PostgreSQL
 * runs them in the order sent, so the lock order below holds. The writes go out before their
 * results are known: a refusal among them (stock, slot) rolls the whole transaction back (an
 * order number is then skipped). Every statement is prepared (`.prepare(name)`, kept by
 * postgres.js per connection): drizzle otherwise sends unnamed statements, which postgres.js
 * describes first — a round trip more each, and no pipelining — and PostgreSQL re-plans.
 */
export async function placeOrder(db: Executor, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  try {
    return await db.transaction(async (tx) => {
      const now = input.now ?? new Date();
      const delivery = input.fulfilment === "delivery";
      const postcode = delivery && input.address?.postcode?.trim() ? normalizePostcode(input.address.postcode) : null;
      const [[owned], basketView, [slot], coveringStores, [unpaid]] = await Promise.all([
        // Locking the basket makes a double-submitted checkout of one basket run one after the other;
        // the reads after it see the basket as the lock found it.
        tx
          .select({ id: baskets.id })
          .from(baskets)
          .where(and(eq(baskets.id, input.basketId), eq(baskets.userId, input.userId)))
          .for("update")
          .prepare("checkout_lock_basket")
          .execute(),
        getBasketView(tx, input.basketId, input.fulfilment),
        isIntId(input.slotId) ? tx.select().from(slots).where(eq(slots.id, input.slotId)).prepare("checkout_slot").execute() : [],
        postcode
          ? tx
              .select({ storeId: storeDeliveryPostcodes.storeId })
              .from(storeDeliveryPostcodes)
              .where(eq(storeDeliveryPostcodes.postcode, postcode))
              .prepare("checkout_postcode")
              .execute()
          : [],
        // After the basket lock, so a shopper's concurrent checkouts count each other's orders.
        tx
          .select({ count: count() })
          .from(orders)
          .where(and(eq(orders.userId, input.userId), eq(orders.status, "pending_payment")))
          .prepare("checkout_unpaid_count")
          .execute(),
      ]);
      const view = owned ? basketView : null;
      if (!view) refuse({ code: "basket_not_found" });
      if (view.lines.length === 0) refuse({ code: "empty_basket" });
      // Each unpaid order holds stock and a slot place: one account cannot hold many at once.
      if (unpaid.count >= MAX_UNPAID_ORDERS_PER_ACCOUNT) refuse({ code: "too_many_unpaid" });

      const invalid = view.lines.filter((l) => l.problem === "invalid_quantity");
      if (invalid.length > 0) {
        refuse({ code: "invalid_quantity", items: invalid.map((l) => ({ variantId: l.variantId, productName: l.productName, message: l.message ?? "" })) });
      }
      const withdrawn = view.lines.filter((l) => l.problem === "unavailable");
      if (withdrawn.length > 0) {
        refuse({
          code: "out_of_stock",
          items: withdrawn.map((l) => ({ variantId: l.variantId, productName: l.productName, requested: l.quantity, available: 0 })),
        });
      }

      if (!slot || slot.storeId !== view.store.id || slot.kind !== input.fulfilment || slot.startsAt <= now) refuse({ code: "slot_invalid" });

      let deliveryAddress: DeliveryAddress | null = null;
      if (delivery) {
        const a = input.address;
        if (!a || !a.recipient?.trim() || !a.street?.trim() || !postcode || !a.city?.trim()) refuse({ code: "address_required" });
        deliveryAddress = { ...a, postcode };
        if (!coveringStores.some((c) => c.storeId === view.store.id)) refuse({ code: "postcode_not_covered" });
      }

      const promo = view.promotions;
      if (promo.code && promo.refusal) refuse({ code: "promotion_refused", promotionCode: promo.code, refusal: promo.refusal });
      if (promo.result.discountCents > 0 && view.totals.totalCents < MIN_CHARGE_CENTS) refuse({ code: "total_too_low" });
      // The code's use is counted first: promotion, then stock, then the slot is the lock order of
      // every checkout (and of cancellation), so concurrent ones cannot deadlock.
      const code = promo.snapshot.code;
      if (code) {
        const refused = await redeemCode(tx, { promotionId: code.id, userId: input.userId, now });
        if (refused) refuse({ code: "promotion_refused", promotionCode: code.code, refusal: { code: refused } });
      }

      // Stock first, then the slot: every checkout takes its locks in this order (stock rows
      // by variant id, then the slot row), so concurrent checkouts cannot deadlock.
      const orderId = input.orderId ?? randomUUID();
      const [, held, [order], lines] = await Promise.all([
        reserveStock(
          tx,
          view.store.id,
          view.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, productName: l.productName })),
        ),
        holdSlot(tx, slot.id),
        tx
          .insert(orders)
          .values({
            id: orderId,
            number: nextOrderNumber,
            userId: input.userId,
            storeId: view.store.id,
            slotId: slot.id,
            slotStartsAt: slot.startsAt,
            fulfilment: input.fulfilment,
            status: "pending_payment",
            deliveryAddress,
            contactEmail: input.contactEmail.trim(),
            subtotalCents: view.totals.subtotalCents,
            discountCents: view.totals.discountCents,
            promotionCode: code?.code ?? null,
            deliveryFeeCents: view.totals.deliveryFeeCents,
            totalCents: view.totals.totalCents,
            authorizedCents: view.totals.authorizedCents,
            expiresAt: new Date(now.getTime() + (input.unpaidTtlMinutes ?? 30) * 60_000),
          })
          .returning()
          .prepare("checkout_insert_order")
          .execute(),
        tx
          .insert(orderLines)
          .values(
            view.lines.map((l, position) => ({
              orderId,
              variantId: l.variantId,
              productName: l.productName,
              sizeLabel: l.sizeLabel,
              sku: l.sku,
              sellingMode: l.sellingMode,
              unitPriceCents: l.priceCents,
              quantity: l.quantity,
              vatRateBp: l.vatRateBp,
              lineTotalCents: l.estimateCents,
              discountCents: l.discountCents,
              substitution: input.substitutions?.[l.variantId] ?? l.substitution,
              position,
            })),
          )
          .returning()
          .prepare("checkout_insert_lines")
          .execute(),
        tx
          .insert(orderEvents)
          .values({
            orderId,
            fromStatus: null,
            toStatus: "pending_payment",
            actor: `customer:${input.userId}`,
            data: {
              totalCents: view.totals.totalCents,
              authorizedCents: view.totals.authorizedCents,
              slotId: slot.id,
              ...(input.requestId ? { requestId: input.requestId } : {}),
              // What picking recomputes the discounts with (db/queries/promotions.ts orderPromotionSnapshot).
              ...(promo.result.discountCents > 0 ? { discountCents: promo.result.discountCents, promotions: promo.snapshot } : {}),
            },
          })
          .prepare("checkout_insert_event")
          .execute(),
        promo.result.applied.length > 0 ? insertRedemptions(tx, orderId, input.userId, promo.result.applied) : null,
      ]);
      if (!held) refuse({ code: "slot_full" });
      return { ok: true as const, order, lines: lines.sort((a, b) => a.position - b.position) };
    });
  } catch (error) {
    if (error instanceof CheckoutRefused) return { ok: false, error: error.error };
    if (error instanceof OutOfStockError) return { ok: false, error: { code: "out_of_stock", items: error.items } };
    throw error;
  }
}

/** Records the order's Checkout Session (once: a retry that found the session again changes nothing). */
export async function recordCheckoutSession(db: Executor, orderId: string, sessionId: string): Promise<void> {
  await db
    .update(orders)
    .set({ checkoutSessionId: sessionId })
    .where(and(eq(orders.id, orderId), isNull(orders.checkoutSessionId)));
}
