import { describe, expect, it } from "vitest";
import { AccessDeniedError, checkAccess, isIdleStaffSession, STAFF_IDLE_TIMEOUT_MS, STAFF_ROLES, type SessionUser } from "./access";

const as = (role: SessionUser["role"]): SessionUser => ({ id: "u1", email: `${role}@example.test`, name: role, role, storeIds: [] });

describe("checkAccess", () => {
  it("sends visitors to sign in", () => {
    expect(checkAccess(null)).toBe("unauthenticated");
    expect(checkAccess(null, STAFF_ROLES)).toBe("unauthenticated");
  });

  it("lets any signed-in user through when no role is named", () => {
    expect(checkAccess(as("customer"))).toBe("allowed");
    expect(checkAccess(as("customer"), [])).toBe("allowed");
  });

  it("keeps shoppers out of the back office and lets every staff role in", () => {
    expect(checkAccess(as("customer"), STAFF_ROLES)).toBe("forbidden");
    for (const role of ["agent", "marketing", "admin"] as const) expect(checkAccess(as(role), STAFF_ROLES)).toBe("allowed");
  });

  it("checks the exact roles an action names", () => {
    expect(checkAccess(as("agent"), ["admin"])).toBe("forbidden");
    expect(checkAccess(as("marketing"), ["marketing", "admin"])).toBe("allowed");
  });

  it("has a typed error for each refusal", () => {
    expect(new AccessDeniedError("forbidden").code).toBe("forbidden");
    expect(new AccessDeniedError("unauthenticated").message).toMatch(/sign in/i);
  });
});

describe("sessions (issue 6 item 7): staff sessions end after 8 hours without a request", () => {
  const now = new Date("2026-12-01T18:00:00Z");
  const secondsAgo = (ms: number) => Math.floor((now.getTime() - ms) / 1000);

  it("ends an idle staff session and keeps an active one", () => {
    expect(STAFF_IDLE_TIMEOUT_MS).toBe(8 * 60 * 60_000);
    for (const role of STAFF_ROLES) {
      expect(isIdleStaffSession(role, secondsAgo(STAFF_IDLE_TIMEOUT_MS - 60_000), now), role).toBe(false);
      expect(isIdleStaffSession(role, secondsAgo(STAFF_IDLE_TIMEOUT_MS + 60_000), now), role).toBe(true);
      // A staff session without a last-seen time (issued before it was recorded) counts as idle.
      expect(isIdleStaffSession(role, undefined, now), role).toBe(true);
    }
  });

  it("leaves shoppers' sessions to their 30 days", () => {
    expect(isIdleStaffSession("customer", secondsAgo(7 * 24 * 60 * 60_000), now)).toBe(false);
    expect(isIdleStaffSession(undefined, undefined, now)).toBe(false);
  });
});
