import { describe, expect, it } from "vitest";
import { AccessDeniedError, checkAccess, STAFF_ROLES, type SessionUser } from "./access";

const as = (role: SessionUser["role"]): SessionUser => ({ id: "u1", email: `${role}@example.test`, name: role, role, storeId: null });

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
