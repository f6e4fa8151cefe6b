// The one Stripe client of a process. With STRIPE_API_HOST set (development, tests) the official
// SDK talks to tools/stripe-test-server; without it, to Stripe itself with the configured keys.
import Stripe from "stripe";
import { z } from "zod";
import { parseEnv } from "@/lib/env";

const schema = z.object({
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key"),
  STRIPE_WEBHOOK_SECRET: z.string().min(1),
  STRIPE_API_HOST: z.string().optional(),
  STRIPE_API_PORT: z.coerce.number().int().positive().optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
});

export type StripeConfig = z.infer<typeof schema>;

export function stripeConfig(source: Record<string, string | undefined> = process.env): StripeConfig {
  return parseEnv(schema, source);
}

export function createStripe(config: StripeConfig): Stripe {
  return new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    ...(config.STRIPE_API_HOST
      ? { host: config.STRIPE_API_HOST, port: config.STRIPE_API_PORT, protocol: config.STRIPE_API_PROTOCOL ?? "http" }
      : {}),
  });
}

/** Whether a key works on live data (sk_live_/rk_live_): only events of that mode may confirm orders. */
export function isLiveKey(secretKey: string): boolean {
  return /^(sk|rk)_live_/.test(secretKey);
}

/**
 * The PaymentIntent a Checkout Session holds at Stripe; null when it has none yet or Stripe does
 * not know the session. Other errors (network, Stripe down) are thrown, for the caller to retry.
 */
export async function checkoutSessionPaymentIntent(stripe: Stripe, sessionId: string): Promise<string | null> {
  try {
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    const intent = session.payment_intent;
    return typeof intent === "string" ? intent : (intent?.id ?? null);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
    throw error;
  }
}

const globalForStripe = globalThis as unknown as { hallesStripe?: Stripe };

export function getStripe(): Stripe {
  globalForStripe.hallesStripe ??= createStripe(stripeConfig());
  return globalForStripe.hallesStripe;
}
