// Demo accounts (lib/auth/demo-accounts.ts), upserted by e-mail, so seeding again resets their name,
// role, stores and password. Never in a real deployment's database.
import { sql } from "drizzle-orm";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { hashPassword } from "@/lib/auth/password";
import type { Executor } from "../client";
import { setStaffStores } from "../queries/users";
import { users, type NewUser } from "../schema";
import type { StoreRef } from "./stores";

/** Upserts the demo accounts; hashes the shared password once per run. */
export async function seedUsers(db: Executor, stores: StoreRef[]): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const storeId = new Map(stores.map((s) => [s.slug, s.id]));
  const rows: NewUser[] = DEMO_ACCOUNTS.map((a) => ({
    email: a.email,
    name: a.name,
    role: a.role,
    passwordHash,
    emailVerifiedAt: new Date(),
  }));
  const saved = await db
    .insert(users)
    .values(rows)
    .onConflictDoUpdate({
      target: users.email,
      set: {
        name: sql`excluded.name`,
        role: sql`excluded.role`,
        passwordHash: sql`excluded.password_hash`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, excluded.email_verified_at)`,
        deactivatedAt: null,
      },
    })
    .returning({ id: users.id, email: users.email });
  for (const account of DEMO_ACCOUNTS) {
    const user = saved.find((u) => u.email === account.email)!;
    await setStaffStores(db, user.id, account.stores.map((slug) => storeId.get(slug)!));
  }
  return saved.length;
}
