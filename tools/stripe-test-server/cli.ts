// Starts the TEST MODE Stripe test server from the environment; logs JSON lines; stops on SIGTERM/SIGINT.
// Run: npx tsx tools/stripe-test-server/cli.ts
import { z } from "zod";
import { createStripeTestServer } from "./server";
import { stopOnSignals } from "../lib/stop-on-signals";

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

function logLine(entry: Record<string, unknown>): void {
  const line = JSON.stringify({ time: new Date().toISOString(), service: "stripe-test-server", testMode: true, ...entry });
  if (entry.level === "error" || entry.level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    logLine({ level: "error", msg: `invalid environment: ${problems}` });
    process.exit(1);
  }
  const env = parsed.data;
  const server = await createStripeTestServer({
    port: env.STRIPE_TEST_SERVER_PORT,
    host: env.STRIPE_TEST_SERVER_HOST,
    publicUrl: env.STRIPE_TEST_SERVER_PUBLIC_URL,
    webhookUrl: env.STRIPE_WEBHOOK_URL,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    retry: { attempts: env.STRIPE_TEST_SERVER_WEBHOOK_ATTEMPTS, baseDelayMs: env.STRIPE_TEST_SERVER_WEBHOOK_BASE_DELAY_MS },
    manualCapturePaymentStatus: env.STRIPE_TEST_SERVER_MANUAL_CAPTURE_PAYMENT_STATUS,
    log: logLine,
  });
  if (!env.STRIPE_WEBHOOK_URL) {
    logLine({ level: "warn", msg: "STRIPE_WEBHOOK_URL is not set: events are recorded (GET /_test/events) but not delivered" });
  }

  stopOnSignals(() => server.close(), logLine);
}

main().catch((error: unknown) => {
  logLine({ level: "error", msg: "failed to start", error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
