import { describe, expect, it } from "vitest";
import { InvalidJobPayloadError, isTaskName, orderEmailJobKey, parseTaskPayload, TASK_NAMES } from "./tasks";

const orderId = "0b9f6a52-4c1d-4a7e-9d38-2f0b8c1e6a11";

describe("task registry", () => {
  it("knows every task", () => {
    expect(TASK_NAMES.sort()).toEqual([
      "apply-content-schedule",
      "apply-price-changes",
      "capture-payment",
      "close-stripe-payment",
      "expire-unpaid-orders",
      "flag-expiring-authorizations",
      "process-stripe-event",
      "prune-security-records",
      "refresh-storefront",
      "refund-payment",
      "roll-slot-calendar",
      "send-account-email",
      "send-order-email",
    ]);
    expect(isTaskName("send-order-email")).toBe(true);
    expect(isTaskName("toString")).toBe(false);
  });

  it("accepts valid payloads", () => {
    expect(parseTaskPayload("send-order-email", { orderId, kind: "confirmed" })).toEqual({ orderId, kind: "confirmed" });
    expect(parseTaskPayload("process-stripe-event", { eventId: "evt_123" })).toEqual({ eventId: "evt_123" });
    expect(parseTaskPayload("close-stripe-payment", { orderId })).toEqual({ orderId });
    expect(parseTaskPayload("close-stripe-payment", { orderId, paymentIntentId: "pi_1" })).toEqual({ orderId, paymentIntentId: "pi_1" });
    // graphile-worker adds _cron to crontab jobs; it is stripped, not refused.
    expect(parseTaskPayload("expire-unpaid-orders", { _cron: { ts: "2026-11-27T14:00:00Z" } })).toEqual({});
  });

  it("refuses invalid payloads with a typed error naming the fields", () => {
    const attempt = () => parseTaskPayload("send-order-email", { orderId: "42", kind: "shipped" });
    expect(attempt).toThrow(InvalidJobPayloadError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_job_payload", task: "send-order-email" });
      expect((error as InvalidJobPayloadError).issues.map((i) => i.path)).toEqual(["orderId", "kind"]);
    }
    expect(() => parseTaskPayload("process-stripe-event", { eventId: "" })).toThrow(InvalidJobPayloadError);
    expect(() => parseTaskPayload("process-stripe-event", null)).toThrow(InvalidJobPayloadError);
    expect(() => parseTaskPayload("no-such-task" as "roll-slot-calendar", {})).toThrow(/unknown task/);
  });

  it("keys order e-mails by order and kind, and refund e-mails by refund too", () => {
    expect(orderEmailJobKey(orderId, "cancelled")).toBe(`order-email:${orderId}:cancelled`);
    expect(orderEmailJobKey(orderId, "refunded", orderId)).toBe(`order-email:${orderId}:refunded:${orderId}`);
  });

  it("takes the payment tasks' payloads, and a refund e-mail only with its refund (issue 7)", () => {
    expect(parseTaskPayload("capture-payment", { orderId })).toEqual({ orderId });
    expect(parseTaskPayload("refund-payment", { refundId: orderId })).toEqual({ refundId: orderId });
    expect(() => parseTaskPayload("refund-payment", { refundId: "r1" })).toThrow(InvalidJobPayloadError);
    expect(parseTaskPayload("send-order-email", { orderId, kind: "picked" })).toEqual({ orderId, kind: "picked" });
    expect(parseTaskPayload("send-order-email", { orderId, kind: "refunded", refundId: orderId })).toEqual({ orderId, kind: "refunded", refundId: orderId });
    expect(() => parseTaskPayload("send-order-email", { orderId, kind: "refunded" })).toThrow(/refundId/);
    expect(() => parseTaskPayload("send-order-email", { orderId, kind: "picked", refundId: orderId })).toThrow(/refundId/);
  });
});
