import { describe, expect, it } from "vitest";
import { isStorableJson, recordableEvent } from "./webhook-event";

const event = { id: "evt_1NG8Du2eZvKYlo2CUI79vXWy", object: "event", type: "checkout.session.completed", created: 1_700_000_000, data: { object: { id: "cs_test_1", metadata: {} } } };

describe("webhook events worth recording (issue 6 item 15, found by the fuzzer: signed bodies of another shape made the insert fail, a 500)", () => {
  it("takes Stripe's events as they are", () => {
    expect(recordableEvent(event)).toBe(event);
    expect(recordableEvent({ ...event, type: "payment_intent.amount_capturable_updated", extra: [1, null, { a: "é😀" }] })).not.toBeNull();
  });

  it.each([
    ["not an object", "evt_1"],
    ["an array", [event]],
    ["no id", { ...event, id: undefined }],
    ["a number for id", { ...event, id: 5 }],
    ["an id of another object", { ...event, id: "pi_123" }],
    ["an id with a NUL", { ...event, id: "evt_1\u0000" }],
    ["a huge id", { ...event, id: `evt_${"a".repeat(300)}` }],
    ["no type", { ...event, type: undefined }],
    ["a type of another shape", { ...event, type: "'; DROP TABLE stripe_events; --" }],
    ["no data", { ...event, data: undefined }],
    ["data without object", { ...event, data: {} }],
    ["an array for data.object", { ...event, data: { object: [] } }],
    ["a NUL deep inside", { ...event, data: { object: { metadata: { note: "a\u0000b" } } } }],
    ["a lone surrogate in a key", { ...event, data: { object: { "\ud800": 1 } } }],
  ])("refuses %s", (_what, value) => {
    expect(recordableEvent(value)).toBeNull();
  });

  it("refuses a body nested deeper than any of Stripe's, without overflowing the stack (a 500 the fuzzer found in this check's first version)", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(recordableEvent({ ...event, data: { object: { deep } } })).toBeNull();
    expect(isStorableJson(deep)).toBe(false);
  });

  it("tells storable JSON", () => {
    expect(isStorableJson({ a: ["b", 1, true, null, { c: "é" }] })).toBe(true);
    expect(isStorableJson(["\udc00"])).toBe(false);
    expect(isStorableJson({ "a\u0000": 1 })).toBe(false);
  });
});
