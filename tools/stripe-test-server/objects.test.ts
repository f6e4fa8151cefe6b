// Objects the server returns carry every field of Stripe's published example objects, with the same JSON types.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBasketSession, GOOD_CARD, startTestContext, submitCard, waitFor, type TestContext } from "./test-helpers";

// Stripe's published example objects for the resources we serve, from its public OpenAPI
// repository (MIT, see fixtures/LICENSE).
const fixtures = (
  JSON.parse(readFileSync(new URL("./fixtures/stripe-fixtures.json", import.meta.url), "utf8")) as {
    resources: Record<string, Record<string, unknown>>;
  }
).resources;

type Json = unknown;

function jsonType(value: Json): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Paths where the fixture has a field we lack, or both have a value of different JSON types. */
function shapeDifferences(fixture: Json, actual: Json, path = ""): string[] {
  if (jsonType(fixture) !== "object" || jsonType(actual) !== "object") return [];
  const expected = fixture as Record<string, Json>;
  const got = actual as Record<string, Json>;
  const problems: string[] = [];
  for (const key of Object.keys(expected)) {
    const here = path ? `${path}.${key}` : key;
    if (!(key in got)) {
      problems.push(`${here}: missing`);
      continue;
    }
    const [want, have] = [jsonType(expected[key]), jsonType(got[key])];
    if (want !== "null" && have !== "null" && want !== have) problems.push(`${here}: ${have} instead of ${want}`);
    problems.push(...shapeDifferences(expected[key], got[key], here));
  }
  return problems;
}

describe("object shapes match Stripe's fixtures", () => {
  let ctx: TestContext;
  const objects: Record<string, Json> = {};

  beforeAll(async () => {
    ctx = await startTestContext();
    const session = await createBasketSession(ctx.stripe);
    objects.openSession = session;
    await submitCard(String(session.url), GOOD_CARD);
    const intentId = String((await ctx.stripe.checkout.sessions.retrieve(session.id)).payment_intent);
    await ctx.stripe.paymentIntents.capture(intentId, { amount_to_capture: 1000 });
    const refund = await ctx.stripe.refunds.create({ payment_intent: intentId, amount: 100 });
    objects["checkout.session"] = await ctx.stripe.checkout.sessions.retrieve(session.id);
    objects.payment_intent = await ctx.stripe.paymentIntents.retrieve(intentId);
    objects.charge = await ctx.stripe.charges.retrieve(String(refund.charge));
    objects.refund = refund;
    objects.event = (await waitFor(() => ctx.receiver.ofType("charge.refunded")[0])).event;
  });

  afterAll(async () => {
    await ctx.close();
  });

  it.each(["checkout.session", "payment_intent", "charge", "refund", "event"])("%s", (resource) => {
    const actual = JSON.parse(JSON.stringify(objects[resource])) as Record<string, Json>;
    delete actual.lastResponse;
    const fixture = structuredClone(fixtures[resource]);
    // The fixture event wraps a plan; ours wraps a charge, so compare the wrapped object as a charge.
    if (resource === "event") fixture.data = { object: fixtures.charge };
    expect(actual.object).toBe(resource);
    if ("livemode" in fixture) expect(actual.livemode).toBe(false);
    expect(shapeDifferences(fixture, actual)).toEqual([]);
  });

  it("an open session has the same shape", () => {
    expect(shapeDifferences(fixtures["checkout.session"], JSON.parse(JSON.stringify(objects.openSession)))).toEqual([]);
  });
});
