// An agent cancels an order before handover (issue 7): before capture the authorisation is voided,
// after capture the charge is refunded in full, and the amounts at the Stripe test server match the
// order's; stock (ordered before the pick is finished, taken after) and the slot place come back;
// another store's order reads as not found; an audit record is written.
import { eq } from "drizzle-orm";
import pino from "pino";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { NotInYourStoresError } from "@/lib/backoffice/access";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { bookedOf, setStock, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { finishPick, paidOrder, type PaymentRig, staffUser, startPaymentRig } from "@/tests/payment-fixtures";
import { capturePayment } from "@/workers/tasks/capture-payment";
import { closeStripePayment } from "@/workers/tasks/close-stripe-payment";
import { refundPayment } from "@/workers/tasks/refund-payment";
import { cancelOrderByAgent } from "./agent-payments";
import { findOrder, transitionOrder } from "./orders";
import { listRefunds } from "./refunds";
import { searchStaffActions } from "./staff-actions";

const log = pino({ level: "silent" });

let db: Database;
let rig: PaymentRig;
let stripe: Stripe;
let lyon: number;
let paris: number;
let yoghurt: { id: number; priceCents: number };
let milkYoghurt: { id: number; priceCents: number };
let agent: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  rig = await startPaymentRig(8);
  ({ db, stripe } = rig);
  lyon = (await storeBySlug(db, "lyon-part-dieu")).id;
  paris = (await storeBySlug(db, "paris-bastille")).id;
  yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  milkYoghurt = await variantOf(db, "natural-whole-milk-yoghurt");
  const idOf = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id;
  agent = staffUser(await idOf("agent@halles.test"), "agent", [lyon]);
  admin = staffUser(await idOf("admin@halles.test"), "admin");
});

afterAll(() => rig.close());

beforeEach(async () => {
  for (const store of [lyon, paris]) {
    await setStock(db, store, yoghurt.id, 40);
    await setStock(db, store, milkYoghurt.id, 40);
  }
});

const cancel = (staff: SessionUser, orderId: string, reason = "shop closing early") => cancelOrderByAgent(db, staff, { orderId, reason });

describe("cancel by agent (issue 7)", () => {
  it("before capture: voids the authorisation, gives back the ordered stock and the slot place, e-mails and audits", async () => {
    const paid = await paidOrder(db, stripe, { storeId: lyon, lines: [{ variantId: yoghurt.id, quantity: 3 }] });
    const stock = await stockOf(db, lyon, yoghurt.id);
    const booked = await bookedOf(db, paid.slotId);

    expect(await cancel(agent, paid.order.id)).toMatchObject({ ok: true, changed: true, order: { status: "cancelled", cancelReason: "shop closing early" } });
    expect((await stockOf(db, lyon, yoghurt.id)).quantity).toBe(stock.quantity + 3);
    expect(await bookedOf(db, paid.slotId)).toBe(booked - 1);
    expect((await jobsOfOrder(db, paid.order.id, "send-order-email")).map((j) => j.payload.kind)).toContain("cancelled");
    expect(await closeStripePayment(db, stripe, { orderId: paid.order.id })).toMatchObject({ voidedPaymentIntents: [paid.paymentIntentId] });
    expect(await stripe.paymentIntents.retrieve(paid.paymentIntentId)).toMatchObject({ status: "canceled", amount_received: 0 });
    expect(await listRefunds(db, paid.order.id)).toEqual([]);
    const [audit] = await searchStaffActions(db, { orderId: paid.order.id });
    expect(audit).toMatchObject({ action: "order.cancel", staffId: agent.id, storeId: lyon, data: { reason: "shop closing early", from: "confirmed" } });

    // Again: nothing more happens.
    expect(await cancel(agent, paid.order.id)).toMatchObject({ ok: true, changed: false });
    expect((await stockOf(db, lyon, yoghurt.id)).quantity).toBe(stock.quantity + 3);
  });

  it("after the pick, before capture: what was taken goes back, a substitute to its own shelf", async () => {
    const paid = await paidOrder(db, stripe, { storeId: lyon, lines: [{ variantId: yoghurt.id, quantity: 3 }, { variantId: milkYoghurt.id, quantity: 2 }] });
    const substitute = { variantId: yoghurt.id, productName: "Greek-Style Natural Yoghurt", sizeLabel: "4 x 125 g", sku: "S", sellingMode: "unit" as const, unitPriceCents: yoghurt.priceCents, vatRateBp: 550 };
    // 2 of 3 yoghurts found; the 2 milk yoghurts replaced by 1 Greek yoghurt.
    await finishPick(db, paid.order.id, { [yoghurt.id]: { status: "missing", found: 2 }, [milkYoghurt.id]: { status: "substituted", substitute, quantity: 1 } });
    const [y, m] = [await stockOf(db, lyon, yoghurt.id), await stockOf(db, lyon, milkYoghurt.id)];
    expect(await cancel(admin, paid.order.id)).toMatchObject({ ok: true, changed: true });
    expect((await stockOf(db, lyon, yoghurt.id)).quantity).toBe(y.quantity + 2 + 1);
    expect((await stockOf(db, lyon, milkYoghurt.id)).quantity).toBe(m.quantity);
    // A capture job still pending finds the order cancelled and captures nothing.
    expect(await capturePayment(db, stripe, { orderId: paid.order.id }, log)).toEqual({ outcome: "not-picked", status: "cancelled" });
    await closeStripePayment(db, stripe, { orderId: paid.order.id });
    expect((await stripe.paymentIntents.retrieve(paid.paymentIntentId)).status).toBe("canceled");
  });

  it("after capture: refunds what was charged in full, and Stripe's amounts match the order's", async () => {
    const paid = await paidOrder(db, stripe, { storeId: lyon, lines: [{ variantId: yoghurt.id, quantity: 2 }] });
    await finishPick(db, paid.order.id);
    await capturePayment(db, stripe, { orderId: paid.order.id }, log);
    const captured = (await findOrder(db, paid.order.id))!;
    expect(captured.status).toBe("ready_for_collection");

    expect(await cancel(agent, paid.order.id, "customer no-show")).toMatchObject({ ok: true, changed: true });
    const [refund] = await listRefunds(db, paid.order.id);
    expect(refund).toMatchObject({ amountCents: captured.capturedCents, status: "requested", requestedBy: `agent:${agent.id}`, reason: "customer no-show" });
    expect(await jobsOfOrder(db, paid.order.id, "close-stripe-payment")).toEqual([]);
    await refundPayment(db, stripe, { refundId: refund.id });

    const intent = await stripe.paymentIntents.retrieve(paid.paymentIntentId, { expand: ["latest_charge"] });
    const charge = intent.latest_charge as Stripe.Charge;
    const after = (await findOrder(db, paid.order.id))!;
    expect(after).toMatchObject({ status: "cancelled", capturedCents: charge.amount_captured, refundedCents: charge.amount_captured });
    // What Stripe released at capture plus what it refunded is the whole authorisation.
    expect(charge.amount_refunded).toBe(after.authorizedCents);
  });

  it("answers another store's order as not found, and refuses an order already handed over", async () => {
    const inParis = await paidOrder(db, stripe, { storeId: paris, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    await expect(cancel(agent, inParis.order.id)).rejects.toBeInstanceOf(NotInYourStoresError);
    expect((await findOrder(db, inParis.order.id))!.status).toBe("confirmed");
    expect(await cancel(agent, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, code: "not_found" });

    const handedOver = await paidOrder(db, stripe, { storeId: lyon, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    await finishPick(db, handedOver.order.id);
    await capturePayment(db, stripe, { orderId: handedOver.order.id }, log);
    await db.transaction((tx) => transitionOrder(tx, { orderId: handedOver.order.id, to: "completed", actor: "system" }));
    expect(await cancel(agent, handedOver.order.id)).toEqual({ ok: false, code: "not_cancellable", status: "completed" });
    expect(await searchStaffActions(db, { orderId: handedOver.order.id })).toEqual([]);
  });
});
