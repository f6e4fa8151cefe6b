// Who may do what in the back office, checked on the server in every page, action and route:
// roles per area, and for agents the stores they work in. Another store's order or stock is
// answered as if it did not exist (404), so ids cannot be probed.
import type { UserRole } from "@/db/schema";
import { worksAtStore, type SessionUser } from "@/lib/auth/access";

/** Orders, picking, stock: agents (their stores) and admins (every store). */
export const STORE_ROLES = ["agent", "admin"] as const satisfies readonly UserRole[];
/** The catalog, prices, pictures, content pages and promotions: marketing and admins. */
export const MARKETING_ROLES = ["marketing", "admin"] as const satisfies readonly UserRole[];
/** Staff accounts and the audit log. */
export const ADMIN_ROLES = ["admin"] as const satisfies readonly UserRole[];

export class NotInYourStoresError extends Error {
  constructor() {
    super("Not found.");
    this.name = "NotInYourStoresError";
  }
}

/** Throws NotInYourStoresError unless `user` works at `storeId` (admins work everywhere). */
export function assertWorksAtStore(user: SessionUser, storeId: number): void {
  if (!worksAtStore(user, storeId)) throw new NotInYourStoresError();
}
