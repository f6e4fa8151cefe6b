// Staff accounts for the admins' pages: the list (with each agent's stores) and one member,
// locked when it is about to change. Customers are not staff: they are never found here.
import { and, asc, eq, ne, sql, type SQL } from "drizzle-orm";
import { UUID_PATTERN } from "@/lib/ids";
import type { Executor } from "../client";
import { staffStores, stores, users, type User, type UserRole } from "../schema";

export type StaffMember = Pick<User, "id" | "name" | "email" | "role" | "deactivatedAt" | "createdAt"> & { storeIds: number[]; storeNames: string[] };

const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
  storeIds: sql<number[]>`coalesce(array_agg(${stores.id} order by ${stores.position}, ${stores.name}) filter (where ${stores.id} is not null), '{}')`,
  storeNames: sql<string[]>`coalesce(array_agg(${stores.name} order by ${stores.position}, ${stores.name}) filter (where ${stores.id} is not null), '{}')`,
};

function staffWhere(db: Executor, where: SQL | undefined) {
  return db
    .select(memberColumns)
    .from(users)
    .leftJoin(staffStores, eq(staffStores.userId, users.id))
    .leftJoin(stores, eq(stores.id, staffStores.storeId))
    .where(and(ne(users.role, "customer"), where))
    .groupBy(users.id);
}

/** Every staff account, or those of one role, by name. */
export function listStaff(db: Executor, filter: { role?: UserRole } = {}): Promise<StaffMember[]> {
  return staffWhere(db, filter.role ? eq(users.role, filter.role) : undefined).orderBy(asc(users.name), asc(users.email));
}

/** One staff account; null for customers and unknown ids. */
export async function getStaffMember(db: Executor, id: string): Promise<StaffMember | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const [member] = await staffWhere(db, eq(users.id, id));
  return member ?? null;
}

/** Locks a staff account's row until the transaction ends (two admins editing it take turns); null when not staff. */
export async function lockStaffMember(tx: Executor, id: string): Promise<StaffMember | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const [locked] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), ne(users.role, "customer")))
    .for("update");
  return locked ? getStaffMember(tx, id) : null;
}

/** Name, role and deactivation of a staff account. */
export async function updateStaffUser(tx: Executor, id: string, changes: Partial<Pick<User, "name" | "role" | "deactivatedAt">>): Promise<void> {
  await tx.update(users).set(changes).where(eq(users.id, id));
}
