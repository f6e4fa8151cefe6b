// The Stripe webhook endpoint: signature on the raw body, one stored event and one job per event id.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { stripeEvents } from "@/db/schema";

const SECRET = "whsec_webhook_test";
process.env.STRIPE_SECRET_KEY = "sk_test_webhook";
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
const { POST, MAX_WEBHOOK_BYTES } = await import("./route");

let db: Database;
let close: () => Promise<void>;

beforeAll(() => {
  const connection = createDatabase(process.env.DATABASE_URL!, 2);
  db = connection.db;
  close = () => connection.sql.end();
});
afterAll(() => close());

function event(id = `evt_${randomUUID().replaceAll("-", "")}`) {
  return JSON.stringify({ id, object: "event", type: "checkout.session.completed", created: Math.floor(Date.now() / 1000), data: { object: { id: "cs_test_1", object: "checkout.session" } }, livemode: false });
}

function deliver(payload: string, header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET })) {
  return POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": header } }), undefined);
}

const jobsFor = async (id: string) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs where key = ${`stripe-event:${id}`}`))[0].n;

describe("POST /api/webhooks/stripe", () => {
  it("stores an event once and enqueues it once, however often Stripe delivers it", async () => {
    const payload = event();
    const { id } = JSON.parse(payload);
    const answers = await Promise.all([deliver(payload), deliver(payload), deliver(payload)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, id))).toHaveLength(1);
    expect(await jobsFor(id)).toBe(1);
  });

  it.each([
    ["a wrong secret", (p: string) => Stripe.webhooks.generateTestHeaderString({ payload: p, secret: "whsec_other" })],
    ["an old timestamp", (p: string) => Stripe.webhooks.generateTestHeaderString({ payload: p, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 })],
    ["no signature", () => ""],
  ])("refuses %s with 400 and stores nothing", async (_, sign) => {
    const payload = event();
    const response = await deliver(payload, sign(payload));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, JSON.parse(payload).id))).toHaveLength(0);
  });

  it("refuses a body changed after signing", async () => {
    const payload = event();
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const response = await deliver(payload.replace("cs_test_1", "cs_test_2"), header);
    expect(response.status).toBe(400);
  });

  it.each([
    ["an id of another shape", (e: Record<string, unknown>) => ({ ...e, id: 5 })],
    ["no type", (e: Record<string, unknown>) => ({ ...e, type: undefined })],
    ["no data.object", (e: Record<string, unknown>) => ({ ...e, data: null })],
    ["a NUL, which jsonb refuses", (e: Record<string, unknown>) => ({ ...e, data: { object: { id: "cs_test_1", note: "a\u0000b" } } })],
    ["a lone surrogate", (e: Record<string, unknown>) => ({ ...e, data: { object: { id: "\ud800" } } })],
  ])("fuzzing (issue 6 item 15): refuses a signed body that is not a Stripe event (%s) with 400, storing nothing", async (_what, change) => {
    const id = `evt_${randomUUID().replaceAll("-", "")}`;
    const response = await deliver(JSON.stringify(change(JSON.parse(event(id)))));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({ code: "bad_request", message: "The body is not a Stripe event." });
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, id))).toHaveLength(0);
  });

  it("limits (issue 6 item 8): refuses a body over the limit with 413 before storing anything, even a signed one", async () => {
    const id = `evt_${randomUUID().replaceAll("-", "")}`;
    const huge = JSON.stringify({ ...JSON.parse(event(id)), padding: "x".repeat(MAX_WEBHOOK_BYTES) });
    const response = await deliver(huge);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, id))).toHaveLength(0);
  });
});
