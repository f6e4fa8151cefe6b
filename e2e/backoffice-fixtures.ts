// The back office in end-to-end tests: staff accounts made straight in the e2e database, signing
// in as them, and orders paid for at the Stripe test server (so that capture and refunds are real).
import { expect, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createUser, setStaffStores } from "@/db/queries/users";
import { orders, type UserRole } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { openCheckoutSession } from "@/lib/checkout/start-checkout";
import { createStripe } from "@/lib/payments/stripe";
import { LOCAL_STRIPE } from "@/scripts/lib/stack";
import { storeBySlug } from "@/tests/checkout-fixtures";
import { GOOD_CARD, submitCard } from "@/tools/stripe-test-server/test-helpers";
import { waitUntilReady } from "./fixtures";
import { PASSWORD, uniqueEmail } from "./helpers";
import { e2eDb, placeTestOrder, type OrderItem } from "./order-fixtures";

/** A staff account of `role` working at the stores (by slug), with the e2e password. */
export async function staffAccount(role: UserRole, storeSlugs: string[] = [], name = `Test ${role}`): Promise<{ id: string; email: string; name: string }> {
  const db = e2eDb();
  const user = await createUser(db, { email: uniqueEmail(role), name, passwordHash: await hashPassword(PASSWORD), role });
  const storeIds = await Promise.all(storeSlugs.map(async (slug) => (await storeBySlug(db, slug)).id));
  await setStaffStores(db, user.id, storeIds);
  return { id: user.id, email: user.email, name };
}

/** Signs in through the form and lands on `next`. */
export async function signInAs(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, "\\?")}$`));
  await waitUntilReady(page);
}

export function e2eStripe() {
  const url = new URL(process.env.STRIPE_TEST_SERVER_URL ?? "http://127.0.0.1:3101");
  return createStripe({ STRIPE_SECRET_KEY: LOCAL_STRIPE.secretKey, STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE.webhookSecret, STRIPE_API_HOST: url.hostname, STRIPE_API_PORT: Number(url.port), STRIPE_API_PROTOCOL: "http" });
}

/**
 * An order at Bordeaux Chartrons paid with 4242 at the Stripe test server, as a shopper would, and
 * confirmed by the order worker from Stripe's webhook: its authorisation can really be captured.
 */
export async function paidTestOrder(userId: string, params: { items: OrderItem[]; fulfilment?: "delivery" | "collection"; slotStartsAt?: Date }) {
  const placed = await placeTestOrder(userId, { ...params, address: params.fulfilment === "delivery" ? bordeauxAddress : undefined });
  const db = e2eDb();
  const [order] = await db.select().from(orders).where(eq(orders.id, placed.id));
  const paymentUrl = await openCheckoutSession(db, e2eStripe(), order, process.env.BASE_URL ?? "http://127.0.0.1:3100");
  expect((await submitCard(paymentUrl, GOOD_CARD)).status).toBe(303);
  await expect.poll(async () => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, placed.id)))[0].status, { timeout: 30_000 }).toBe("confirmed");
  return placed;
}

export const bordeauxAddress = { recipient: "Inès Client", street: "3 Quai des Chartrons", postcode: "33000", city: "Bordeaux", phone: "+33 5 56 00 00 00" };
