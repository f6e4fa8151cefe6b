// Starts the TEST MODE Stripe test server from the environment; logs JSON lines; stops on SIGTERM/SIGINT.
// Run: node --import tsx tools/stripe-test-server/cli.ts
import { z } from "zod";
import { createStripeTestServer } from "./server";
import { runToolCli } from "../lib/cli";

const envSchema = z.object({
  STRIPE_TEST_SERVER_PORT: z.coerce.number().int().min(0).max(65_535).default(12111),
  STRIPE_TEST_SERVER_HOST: z.string().min(1).default("127.0.0.1"),
  STRIPE_TEST_SERVER_PUBLIC_URL: z.url().optional(),
  STRIPE_WEBHOOK_URL: z.url().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1, { message: "set STRIPE_WEBHOOK_SECRET (whsec_…) to the app's webhook signing secret" }),
  STRIPE_TEST_SERVER_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  STRIPE_TEST_SERVER_WEBHOOK_BASE_DELAY_MS: z.coerce.number().int().min(0).default(1_000),
  STRIPE_TEST_SERVER_MANUAL_CAPTURE_PAYMENT_STATUS: z.enum(["paid", "unpaid"]).default("unpaid"),
});

runToolCli("stripe-test-server", envSchema, async (env, log) => {
  const server = await createStripeTestServer({
    port: env.STRIPE_TEST_SERVER_PORT,
    host: env.STRIPE_TEST_SERVER_HOST,
    publicUrl: env.STRIPE_TEST_SERVER_PUBLIC_URL,
    webhookUrl: env.STRIPE_WEBHOOK_URL,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    retry: { attempts: env.STRIPE_TEST_SERVER_WEBHOOK_ATTEMPTS, baseDelayMs: env.STRIPE_TEST_SERVER_WEBHOOK_BASE_DELAY_MS },
    manualCapturePaymentStatus: env.STRIPE_TEST_SERVER_MANUAL_CAPTURE_PAYMENT_STATUS,
    log,
  });
  if (!env.STRIPE_WEBHOOK_URL) {
    log({ level: "warn", msg: "STRIPE_WEBHOOK_URL is not set: events are recorded (GET /_test/events) but not delivered" });
  }
  return () => server.close();
});
