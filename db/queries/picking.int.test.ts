import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orderLines, orders, staffActions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { confirmedOrder, createStaff } from "@/tests/backoffice-fixtures";
import { connect, restoreStock, setStock, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { claimOrder, finishPicking, handOverOrder, settleOrderLine } from "./picking";
import { transitionOrder } from "./orders";

const { db, close } = connect();
let lyon: { id: number };
let paris: { id: number };
let agent: SessionUser;
let otherAgent: SessionUser;
let parisAgent: SessionUser;
let yoghurt: Awaited<ReturnType<typeof variantOf>>;
let apples: Awaited<ReturnType<typeof variantOf>>;
let eggs: Awaited<ReturnType<typeof variantOf>>;
let skyr: Awaited<ReturnType<typeof variantOf>>;

beforeAll(async () => {
  lyon = await storeBySlug(db, "lyon-part-dieu");
  paris = await storeBySlug(db, "paris-bastille");
  agent = await createStaff(db, "agent", [lyon.id]);
  otherAgent = await createStaff(db, "agent", [lyon.id]);
  parisAgent = await createStaff(db, "agent", [paris.id]);
  [yoghurt, apples, eggs, skyr] = await Promise.all(["greek-style-natural-yoghurt", "gala-apples", "free-range-eggs", "natural-skyr"].map((slug) => variantOf(db, slug)));
});

// Picking empties shelves (missing items): every test starts with plenty.
beforeEach(async () => {
  for (const v of [yoghurt, apples, eggs, skyr]) await setStock(db, lyon.id, v.id, 50_000);
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

const linesOf = (orderId: string) => db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.position);
const jobKeys = async (orderId: string) =>
  (await db.execute<{ key: string }>(sql`select key from graphile_worker.jobs where key = ${`capture-payment:${orderId}`}`)).map((r) => r.key);

describe("claiming an order to pick (issue 7)", () => {
  it("lets one of two agents who claim at once pick it, and tells the other who has it", async () => {
    const order = await confirmedOrder(db, { storeId: lyon.id, items: [{ variantId: yoghurt.id, quantity: 1 }] });
    const results = await Promise.all([agent, otherAgent].map((staff) => db.transaction((tx) => claimOrder(tx, order.id, staff))));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0].ok ? winners[0].order.pickerId : null;
    const winnerName = winner === agent.id ? agent.name : otherAgent.name;
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: "taken", pickerName: winnerName });
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: "picking", pickerId: winner });
    expect(await db.select().from(staffActions).where(and(eq(staffActions.orderId, order.id), eq(staffActions.action, "order.claim")))).toHaveLength(1);
  });

  it("answers an agent of another store as if the order did not exist", async () => {
    const order = await confirmedOrder(db, { storeId: lyon.id, items: [{ variantId: yoghurt.id, quantity: 1 }] });
    expect(await db.transaction((tx) => claimOrder(tx, order.id, parisAgent))).toEqual({ ok: false, code: "not_found" });
  });
});

describe("picking and finishing an order (issue 7)", () => {
  it("charges a heavier weighed line, drops a missing one, caps a substitute, adjusts the stock and queues one capture", async () => {
    const order = await confirmedOrder(db, {
      storeId: lyon.id,
      items: [
        { variantId: apples.id, quantity: 1000, substitution: "refuse" },
        { variantId: eggs.id, quantity: 2 },
        { variantId: yoghurt.id, quantity: 3, substitution: "allow" },
      ],
    });
    const [appleLine, eggLine, yoghurtLine] = await linesOf(order.id);
    const before = { apples: await stockOf(db, lyon.id, apples.id), eggs: await stockOf(db, lyon.id, eggs.id), skyr: await stockOf(db, lyon.id, skyr.id) };
    expect((await db.transaction((tx) => claimOrder(tx, order.id, agent))).ok).toBe(true);

    const settle = (lineId: string, outcome: Parameters<typeof settleOrderLine>[1]["outcome"], staff = agent) =>
      db.transaction((tx) => settleOrderLine(tx, { orderId: order.id, lineId, outcome, staff }));
    // Another agent cannot touch the lines of an order they do not pick.
    expect(await settle(appleLine.id, { kind: "picked", quantity: 1150 }, otherAgent)).toMatchObject({ ok: false, code: "taken" });
    expect(await settle(appleLine.id, { kind: "substituted", variantId: skyr.id, quantity: 1 })).toMatchObject({ ok: false, code: "invalid" });
    expect(await settle(appleLine.id, { kind: "picked", quantity: 1150 })).toMatchObject({ ok: true, order: { pickStatus: "picked", pickedTotalCents: Math.round(apples.priceCents * 1.15) } });
    expect(await db.transaction((tx) => finishPicking(tx, order.id, agent))).toEqual({ ok: false, code: "unsettled", count: 2 });
    expect(await settle(eggLine.id, { kind: "missing", found: 0 })).toMatchObject({ ok: true });
    const substituted = await settle(yoghurtLine.id, { kind: "substituted", variantId: skyr.id, quantity: 3 });
    expect(substituted).toMatchObject({ ok: true, order: { pickStatus: "substituted", substitute: { variantId: skyr.id, quantity: 3 } } });
    const substituteCost = Math.min(skyr.priceCents * 3, yoghurtLine.lineTotalCents);
    expect(substituted.ok && substituted.order.pickedTotalCents).toBe(substituteCost);

    const finished = await db.transaction((tx) => finishPicking(tx, order.id, agent));
    const expectedTotal = Math.round(apples.priceCents * 1.15) + substituteCost + order.deliveryFeeCents;
    expect(finished).toMatchObject({ ok: true, order: { status: "picked", finalTotalCents: expectedTotal } });
    expect(await jobKeys(order.id)).toEqual([`capture-payment:${order.id}`]);
    // The extra 150 g of apples and the three substitutes leave the shelf; no eggs are left to sell.
    expect((await stockOf(db, lyon.id, apples.id)).quantity).toBe(before.apples.quantity - 150);
    expect((await stockOf(db, lyon.id, skyr.id)).quantity).toBe(before.skyr.quantity - 3);
    const eggsNow = await stockOf(db, lyon.id, eggs.id);
    expect(eggsNow.quantity - eggsNow.reserved).toBe(0);
    // Finishing again changes nothing and queues nothing more.
    expect(await db.transaction((tx) => finishPicking(tx, order.id, agent))).toEqual({ ok: false, code: "wrong_status", status: "picked" });
  });

  it("cancels an order in which nothing was found, rather than capture €0, and voids the authorisation", async () => {
    const order = await confirmedOrder(db, { storeId: lyon.id, items: [{ variantId: eggs.id, quantity: 2 }] });
    await db.transaction((tx) => claimOrder(tx, order.id, agent));
    const [line] = await linesOf(order.id);
    await db.transaction((tx) => settleOrderLine(tx, { orderId: order.id, lineId: line.id, outcome: { kind: "missing", found: 0 }, staff: agent }));
    expect(await db.transaction((tx) => finishPicking(tx, order.id, agent))).toMatchObject({ ok: true, order: { status: "cancelled", cancelReason: "nothing left to pick" } });
    expect(await jobKeys(order.id)).toEqual([]);
    const voids = await db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'close-stripe-payment' and j.payload->>'orderId' = ${order.id}`);
    expect(voids[0].n).toBe(1);
    // The eggs went back to stock with the cancellation, and the empty shelf then says none are left.
    const eggsNow = await stockOf(db, lyon.id, eggs.id);
    expect(eggsNow.quantity - eggsNow.reserved).toBe(0);
  });

  it("keeps the picking state in the database: a second tablet sees the lines settled so far", async () => {
    const order = await confirmedOrder(db, { storeId: lyon.id, items: [{ variantId: yoghurt.id, quantity: 2 }, { variantId: eggs.id, quantity: 1 }] });
    await db.transaction((tx) => claimOrder(tx, order.id, agent));
    const [line] = await linesOf(order.id);
    await db.transaction((tx) => settleOrderLine(tx, { orderId: order.id, lineId: line.id, outcome: { kind: "picked", quantity: 2 }, staff: agent }));
    const { db: secondTablet, close: closeSecond } = connect(1);
    const seen = await secondTablet.select({ pickStatus: orderLines.pickStatus }).from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.position);
    await closeSecond();
    expect(seen.map((l) => l.pickStatus)).toEqual(["picked", null]);
    // Claiming again from the second tablet is the same picker: allowed.
    expect((await db.transaction((tx) => claimOrder(tx, order.id, agent))).ok).toBe(true);
  });

  it("hands over a ready order once, and nothing before it is ready", async () => {
    const order = await confirmedOrder(db, { storeId: lyon.id, items: [{ variantId: yoghurt.id, quantity: 1 }] });
    expect(await db.transaction((tx) => handOverOrder(tx, order.id, agent))).toEqual({ ok: false, code: "wrong_status", status: "confirmed" });
    await db.transaction(async (tx) => {
      for (const to of ["picking", "picked", "ready_for_collection"] as const) await transitionOrder(tx, { orderId: order.id, to, actor: "system" });
    });
    expect(await db.transaction((tx) => handOverOrder(tx, order.id, parisAgent))).toEqual({ ok: false, code: "not_found" });
    expect(await db.transaction((tx) => handOverOrder(tx, order.id, agent))).toMatchObject({ ok: true, order: { status: "completed" } });
  });
});
