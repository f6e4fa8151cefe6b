// The order worker: applies Stripe events to orders (confirm on an authorisation that matches
// the order, cancel on a mismatch, decline or expiry), committing or releasing stock and slots,
// closes cancelled orders' payments at Stripe, captures picked orders and makes refunds.
// Run: npx tsx workers/order-worker.ts
import { getStripe, isLiveKey, stripeConfig } from "@/lib/payments/stripe";
import { workerEnv } from "./lib/config";
import { exitAfterFailedStart, startWorkerService } from "./runtime";
import { capturePaymentTask } from "./tasks/capture-payment";
import { closeStripePaymentTask } from "./tasks/close-stripe-payment";
import { processStripeEventTask } from "./tasks/process-stripe-event";
import { refundPaymentTask } from "./tasks/refund-payment";

const DEFAULT_HEALTH_PORT = 9101;

async function main(): Promise<void> {
  const env = workerEnv();
  const stripe = getStripe();
  const livemode = isLiveKey(stripeConfig().STRIPE_SECRET_KEY);
  await startWorkerService({
    name: "order-worker",
    tasks: {
      "process-stripe-event": processStripeEventTask({ stripe, livemode }),
      "close-stripe-payment": closeStripePaymentTask(stripe),
      "capture-payment": capturePaymentTask(stripe),
      "refund-payment": refundPaymentTask(stripe),
    },
    concurrency: env.WORKER_CONCURRENCY ?? 4,
    healthPort: env.HEALTH_PORT ?? DEFAULT_HEALTH_PORT,
  });
}

main().catch((error: unknown) => exitAfterFailedStart("order-worker", error));
