// Test data for the back office: staff accounts with their stores, and confirmed orders ready to
// pick, placed and paid the way checkout and the order worker do it.
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { createUser, setStaffStores } from "@/db/queries/users";
import { eq } from "drizzle-orm";
import { baskets, type DeliveryAddress, type Fulfilment, type SubstitutionPreference, type UserRole } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { createBasket, createShopper, createSlot, lyonAddress } from "./checkout-fixtures";

export async function createStaff(db: Database, role: UserRole, storeIds: number[] = []): Promise<SessionUser> {
  const user = await createUser(db, { email: `${role}-${randomUUID()}@example.test`, name: `Test ${role} ${randomUUID().slice(0, 4)}`, passwordHash: "not-used", role });
  await setStaffStores(db, user.id, storeIds);
  return { id: user.id, email: user.email, name: user.name, role, storeIds: role === "agent" ? storeIds : [] };
}

export type OrderItem = { variantId: number; quantity: number; substitution?: SubstitutionPreference };

/** A confirmed order of `items` at the store (stock must be there), in a slot of its own. */
export async function confirmedOrder(
  db: Database,
  params: { storeId: number; items: OrderItem[]; fulfilment?: Fulfilment; address?: DeliveryAddress; promotionCode?: string },
) {
  const fulfilment = params.fulfilment ?? "collection";
  const userId = await createShopper(db);
  const basketId = await createBasket(db, { userId, storeId: params.storeId, lines: params.items.map(({ variantId, quantity }) => ({ variantId, quantity })) });
  if (params.promotionCode) await db.update(baskets).set({ promotionCode: params.promotionCode }).where(eq(baskets.id, basketId));
  const slotId = await createSlot(db, { storeId: params.storeId, kind: fulfilment, capacity: 5 });
  const substitutions = Object.fromEntries(params.items.map((i) => [i.variantId, i.substitution ?? "allow"]));
  const placed = await placeOrder(db, {
    userId,
    basketId,
    fulfilment,
    slotId,
    address: fulfilment === "delivery" ? (params.address ?? lyonAddress) : undefined,
    substitutions,
    contactEmail: `shopper-${userId}@example.test`,
  });
  if (!placed.ok) throw new Error(`placeOrder refused: ${placed.error.code}`);
  await db.transaction((tx) => confirmPaidOrder(tx, placed.order.id, { paymentIntentId: `pi_test_${placed.order.id.replaceAll("-", "")}` }));
  return { ...placed.order, userId, slotId };
}
