// The order page's money actions as the forms call them (issue 7): role and store checked on the
// server (another store's order is "not found", a marketer is refused), a reason required with the
// typed values kept, and one refund per form request id however often it is submitted.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import pino from "pino";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { findOrder } from "@/db/queries/orders";
import { listRefunds } from "@/db/queries/refunds";
import { users } from "@/db/schema";
import { setStock, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { finishPick, paidOrder, type PaymentRig, startPaymentRig } from "@/tests/payment-fixtures";
import { capturePayment } from "@/workers/tasks/capture-payment";
import { cancelOrderAsAgent, requestRefund } from "./payment-actions";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

let db: Database;
let rig: PaymentRig;
let stripe: Stripe;
let lyon: number;
let paris: number;
let yoghurt: { id: number; priceCents: number };
const ids: Record<string, string> = {};

beforeAll(async () => {
  rig = await startPaymentRig(6);
  ({ db, stripe } = rig);
  lyon = (await storeBySlug(db, "lyon-part-dieu")).id;
  paris = (await storeBySlug(db, "paris-bastille")).id;
  yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  for (const role of ["agent", "admin", "marketing"]) {
    ids[role] = (await db.select({ id: users.id }).from(users).where(eq(users.email, `${role}@halles.test`)))[0].id;
  }
});

afterAll(() => rig.close());

beforeEach(async () => {
  await setStock(db, lyon, yoghurt.id, 40);
  await setStock(db, paris, yoghurt.id, 40);
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const as = (role: string) => (signedIn.userId = ids[role]);

describe("cancelOrderAsAgent (issue 7)", () => {
  it("requires a reason, keeping what was typed", async () => {
    const paid = await paidOrder(db, stripe, { storeId: lyon, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    as("agent");
    const answer = await cancelOrderAsAgent({}, form({ orderId: paid.order.id, reason: " a" }));
    expect(answer).toMatchObject({ ok: false, errors: { reason: ["Give a reason of at least 3 characters."] }, values: { orderId: paid.order.id, reason: " a" } });
    expect((await findOrder(db, paid.order.id))!.status).toBe("confirmed");
  });

  it("cancels for an agent of the order's store, answers another store's agent 'not found' and refuses a marketer", async () => {
    const paid = await paidOrder(db, stripe, { storeId: paris, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    as("agent");
    expect(await cancelOrderAsAgent({}, form({ orderId: paid.order.id, reason: "damaged stock" }))).toMatchObject({ ok: false, message: "Not found." });
    as("marketing");
    expect(await cancelOrderAsAgent({}, form({ orderId: paid.order.id, reason: "damaged stock" }))).toMatchObject({ ok: false, message: "Your account is not allowed to do this." });
    expect((await findOrder(db, paid.order.id))!.status).toBe("confirmed");
    as("admin");
    expect(await cancelOrderAsAgent({}, form({ orderId: paid.order.id, reason: "damaged stock" }))).toMatchObject({ ok: true, message: expect.stringContaining("authorisation is cancelled") });
    expect(await findOrder(db, paid.order.id)).toMatchObject({ status: "cancelled", cancelReason: "damaged stock" });
  });
});

describe("requestRefund (issue 7)", () => {
  async function captured() {
    const paid = await paidOrder(db, stripe, { storeId: lyon, lines: [{ variantId: yoghurt.id, quantity: 3 }] });
    await finishPick(db, paid.order.id);
    await capturePayment(db, stripe, { orderId: paid.order.id }, pino({ level: "silent" }));
    return paid;
  }

  it("makes one refund for a form submitted twice with its request id", async () => {
    const paid = await captured();
    as("agent");
    const fields = { orderId: paid.order.id, requestId: randomUUID(), kind: "amount", amount: "1,50", reason: "late delivery" };
    const [first, second] = await Promise.all([requestRefund({}, form(fields)), requestRefund({}, form(fields))]);
    expect([first.message, second.message].sort()).toEqual([
      "Refund of €1.50 already requested. The shopper is e-mailed once Stripe confirms it.",
      "Refund of €1.50 requested. The shopper is e-mailed once Stripe confirms it.",
    ]);
    expect((await listRefunds(db, paid.order.id)).map((r) => [r.id, r.amountCents])).toEqual([[fields.requestId, 150]]);
  });

  it("refunds per line, naming the line field whose amount is too high", async () => {
    const paid = await captured();
    const line = paid.lines[0];
    as("agent");
    const base = { orderId: paid.order.id, requestId: randomUUID(), kind: "lines", reason: "broken pots" };
    const over = await requestRefund({}, form({ ...base, [`line-${line.id}`]: "99" }));
    expect(over).toMatchObject({ ok: false, errors: { [`line-${line.id}`]: [expect.stringContaining("At most €5.97")] }, values: { [`line-${line.id}`]: "99" } });
    expect(await requestRefund({}, form({ ...base, [`line-${line.id}`]: "1.99" }))).toMatchObject({ ok: true });
    expect((await listRefunds(db, paid.order.id))[0]).toMatchObject({ amountCents: 199, lines: [{ orderLineId: line.id, amountCents: 199 }] });
  });

  it("asks for an amount, a reason and a choice, and refuses before capture", async () => {
    const paid = await paidOrder(db, stripe, { storeId: lyon, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    as("agent");
    const empty = await requestRefund({}, form({ orderId: paid.order.id, requestId: randomUUID(), kind: "amount", amount: "lots", reason: "" }));
    expect(Object.keys(empty.errors ?? {}).sort()).toEqual(["reason"]);
    const noAmount = await requestRefund({}, form({ orderId: paid.order.id, requestId: randomUUID(), kind: "amount", amount: "lots", reason: "because" }));
    expect(noAmount.errors).toEqual({ amount: ["Enter an amount in euros, such as 4.50."] });
    const whole = await requestRefund({}, form({ orderId: paid.order.id, requestId: randomUUID(), kind: "whole", reason: "because" }));
    expect(whole).toMatchObject({ ok: false, message: expect.stringContaining("Nothing has been charged yet") });
  });
});
