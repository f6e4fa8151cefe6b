import { describe, expect, it } from "vitest";
import { orderStatus } from "@/db/schema/orders";
import { AGENT_CANCELLABLE, assertTransition, canTransition, InvalidTransitionError, isFinal, SHOPPER_CANCELLABLE, statusesLeadingTo } from "./state-machine";

describe("order state machine", () => {
  it("follows the happy path from payment to completion", () => {
    const collection = ["pending_payment", "authorized", "confirmed", "picking", "picked", "ready_for_collection", "completed"] as const;
    for (let i = 1; i < collection.length; i++) expect(canTransition(collection[i - 1], collection[i])).toBe(true);
    expect(canTransition("picked", "out_for_delivery")).toBe(true);
    expect(canTransition("out_for_delivery", "completed")).toBe(true);
  });

  it("refuses skipping steps and going backwards", () => {
    expect(canTransition("pending_payment", "confirmed")).toBe(false);
    expect(canTransition("confirmed", "authorized")).toBe(false);
    expect(canTransition("picking", "ready_for_collection")).toBe(false);
    expect(() => assertTransition("completed", "cancelled")).toThrow(InvalidTransitionError);
  });

  it("lets any order be cancelled before it leaves the store, and nothing follows cancelled or completed", () => {
    for (const s of ["pending_payment", "authorized", "confirmed", "picking", "picked"] as const) expect(canTransition(s, "cancelled")).toBe(true);
    expect(isFinal("cancelled")).toBe(true);
    expect(isFinal("completed")).toBe(true);
    for (const s of orderStatus.enumValues) expect(canTransition("cancelled", s)).toBe(false);
  });

  it("lets shoppers cancel only before picking starts", () => {
    expect(SHOPPER_CANCELLABLE).toEqual(["pending_payment", "authorized", "confirmed"]);
  });

  it("lets agents cancel at any point before handover, and never after (issue 7)", () => {
    for (const s of AGENT_CANCELLABLE) expect(canTransition(s, "cancelled")).toBe(true);
    expect(AGENT_CANCELLABLE).toEqual(["confirmed", "picking", "picked", "ready_for_collection", "out_for_delivery"]);
    expect(canTransition("completed", "cancelled")).toBe(false);
  });

  it("lists where a status can be reached from", () => {
    expect(statusesLeadingTo("confirmed")).toEqual(["authorized"]);
    expect(statusesLeadingTo("completed").sort()).toEqual(["out_for_delivery", "ready_for_collection"]);
  });
});
