// Orders paid at the local Stripe test server and taken through picking, for the capture, refund,
// cancellation and expiry tests: a real Checkout Session paid with the good card (so the
// PaymentIntent is `requires_capture` at the server) and a pick finished as the picking side's
// contract leaves it (lines settled, final total, `picked`).
import { and, asc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { transitionOrder } from "@/db/queries/orders";
import { orderLines, orders, type Fulfilment, type LineSubstitute, type Order, type OrderLine } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { openCheckoutSession } from "@/lib/checkout/start-checkout";
import { pickTotals, settleLine, type PickOutcome } from "@/lib/picking/settle";
import { createStripeTestServer, type StripeTestServer } from "@/tools/stripe-test-server/server";
import { GOOD_CARD, submitCard } from "@/tools/stripe-test-server/test-helpers";
import { connect, createSlot, lyonAddress, restoreStock, shopperWithBasket } from "./checkout-fixtures";
import { stripeAt } from "./stripe-fixtures";

/** A database pool and a Stripe test server of the test file's own, with the SDK pointed at it. */
export type PaymentRig = { db: Database; server: StripeTestServer; stripe: Stripe; close(): Promise<void> };

/** Starts the rig; `close` puts back the stock levels the tests set, then stops everything. */
export async function startPaymentRig(poolSize = 8): Promise<PaymentRig> {
  const { db, close } = connect(poolSize);
  const server = await createStripeTestServer({ port: 0, webhookSecret: "whsec_test" });
  return {
    db,
    server,
    stripe: stripeAt(server.port),
    close: async () => {
      await restoreStock(db);
      await server.close();
      await close();
    },
  };
}

export type PaidOrder = { order: Order; slotId: number; paymentIntentId: string; lines: OrderLine[] };

/** An order placed for `lines`, paid (authorised) at the test server and confirmed. */
export async function paidOrder(
  db: Database,
  stripe: Stripe,
  params: { storeId: number; lines: { variantId: number; quantity: number }[]; fulfilment?: Fulfilment },
): Promise<PaidOrder> {
  const fulfilment = params.fulfilment ?? "collection";
  const slotId = await createSlot(db, { storeId: params.storeId, kind: fulfilment, capacity: 5 });
  const shopper = await shopperWithBasket(db, params.storeId, params.lines);
  const placed = await placeOrder(db, {
    ...shopper,
    fulfilment,
    slotId,
    contactEmail: "shopper@example.test",
    ...(fulfilment === "delivery" ? { address: lyonAddress } : {}),
  });
  if (!placed.ok) throw new Error(`order refused: ${placed.error.code}`);
  const url = await openCheckoutSession(db, stripe, placed.order, "http://localhost:3000");
  const paid = await submitCard(url, GOOD_CARD);
  if (paid.status !== 303) throw new Error(`payment refused: ${paid.status}`);
  const [{ sessionId }] = await db.select({ sessionId: orders.checkoutSessionId }).from(orders).where(eq(orders.id, placed.order.id));
  const paymentIntentId = String((await stripe.checkout.sessions.retrieve(sessionId!)).payment_intent);
  const confirmed = await db.transaction((tx) => confirmPaidOrder(tx, placed.order.id, { paymentIntentId }));
  if (!confirmed.order) throw new Error("order not confirmed");
  return { order: confirmed.order, slotId, paymentIntentId, lines: await linesOf(db, placed.order.id) };
}

export const linesOf = (db: Database, orderId: string) => db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));

/** How a line was settled: picked (items or grams), missing (with what was found), or substituted. */
export type Settle =
  | { status: "picked"; quantity?: number }
  | { status: "missing"; found?: number }
  | { status: "substituted"; substitute: Omit<LineSubstitute, "quantity">; quantity: number };

/**
 * Moves a confirmed order through picking to `picked` as finishing the pick does (lines settled
 * by their variant id, default picked as ordered; final total = picked totals + delivery fee). Returns
 * the order with its final total. Stock is left as it is.
 */
export async function finishPick(db: Database, orderId: string, settle: Record<number, Settle> = {}): Promise<Order> {
  return db.transaction(async (tx) => {
    await transitionOrder(tx, { orderId, to: "picking", actor: "system" });
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));
    // Priced as the picking page prices them (lib/picking/settle.ts).
    for (const line of lines) {
      const how = settle[line.variantId!] ?? { status: "picked" };
      const outcome: PickOutcome =
        how.status === "picked"
          ? { kind: "picked", quantity: how.quantity ?? line.quantity }
          : how.status === "missing"
            ? { kind: "missing", found: how.found ?? 0 }
            : { kind: "substituted", substitute: { ...how.substitute, quantity: how.quantity } };
      const settled = settleLine(line, outcome);
      if (!settled.ok) throw new Error(`line ${line.productName}: ${settled.message}`);
      await tx
        .update(orderLines)
        .set({ ...settled.line, pickedAt: new Date() })
        .where(and(eq(orderLines.id, line.id)));
    }
    const picked = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
    const result = await transitionOrder(tx, {
      orderId,
      to: "picked",
      actor: "system",
      set: { finalTotalCents: pickTotals(picked, order.deliveryFeeCents).totalCents, pickedAt: new Date() },
    });
    if (!result.changed) throw new Error("order not picked");
    return result.order;
  });
}

/** A staff member as the session guards load them. */
export function staffUser(id: string, role: SessionUser["role"], storeIds: number[] = []): SessionUser {
  return { id, email: `${role}@halles.test`, name: role, role, storeIds };
}

/** Events the test server recorded (newest first), optionally of one type. */
export async function serverEvents(serverUrl: string, type?: string): Promise<Stripe.Event[]> {
  const answer = await fetch(`${serverUrl}/_test/events${type ? `?type=${encodeURIComponent(type)}` : ""}`);
  const body = (await answer.json()) as { data: { event: Stripe.Event }[] };
  return body.data.map((record) => record.event);
}

/** The authorisation of `paymentIntentId` lapses at the test server (as Stripe does after 7 days). */
export async function expireAuthorization(serverUrl: string, paymentIntentId: string): Promise<void> {
  const answer = await fetch(`${serverUrl}/_test/payment_intents/${paymentIntentId}/expire_authorization`, { method: "POST" });
  if (answer.status !== 200) throw new Error(`expire_authorization: ${answer.status} ${await answer.text()}`);
}
