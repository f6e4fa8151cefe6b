// Enqueueing jobs on the graphile-worker queue inside the caller's transaction: a rolled-back
// transaction leaves no job, a committed one always has its job.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { TAGS } from "@/lib/cache-tags";
import { currentRequestId } from "@/lib/request-id.mjs";
import { orderEmailJobKey, parseTaskPayload, type OrderEmailKind, type TaskName, type TaskPayload } from "./tasks";

export type EnqueueOptions = {
  /** At most one pending job per key; see graphile-worker's job_key (mode "replace" by default). */
  jobKey?: string;
  /** "preserve_run_at" keeps the first run_at; "unsafe_dedupe" never touches an existing job. */
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  runAt?: Date;
  /** Attempts before the job is left failed; defaults to JOB_MAX_ATTEMPTS (10). */
  maxAttempts?: number;
  /** Jobs of one queue run one at a time, in order. */
  queueName?: string;
};

export type EnqueuedJob = { id: string; key: string | null };

const envSchema = z.object({ JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10) });
let defaultMaxAttempts: number | undefined;

/** JOB_MAX_ATTEMPTS, validated on first use. */
export function jobMaxAttempts(): number {
  if (defaultMaxAttempts === undefined) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Invalid environment: JOB_MAX_ATTEMPTS: ${parsed.error.issues[0]?.message}`);
    defaultMaxAttempts = parsed.data.JOB_MAX_ATTEMPTS;
  }
  return defaultMaxAttempts;
}

/**
 * Adds a job with graphile_worker.add_job on `tx` (pass the transaction that changes the state
 * the job is about). The payload is validated first: a bad one throws InvalidJobPayloadError.
 * The current request id (lib/request-id.mjs) goes along as `requestId` (JOB_CONTEXT).
 */
export async function enqueueJob<T extends TaskName>(
  tx: Executor,
  task: T,
  payload: TaskPayload<T>,
  options: EnqueueOptions = {},
): Promise<EnqueuedJob> {
  const valid = parseTaskPayload(task, payload);
  const requestId = currentRequestId();
  const maxAttempts = options.maxAttempts ?? jobMaxAttempts();
  const rows = await tx.execute<{ id: string; key: string | null }>(sql`
    select id::text as id, key from graphile_worker.add_job(
      ${task},
      ${JSON.stringify(requestId ? { ...valid, requestId } : valid)}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
      max_attempts => ${maxAttempts}::int,
      job_key => ${options.jobKey ?? null}::text,
      job_key_mode => ${options.jobKeyMode ?? "replace"}::text
    )`);
  const [row] = rows;
  return { id: row.id, key: row.key };
}

/**
 * An order e-mail, keyed `order-email:<orderId>:<kind>` (and `:<refundId>` for a refund's) so the
 * queue holds at most one pending job for it (the worker also records sent mails and skips repeats).
 */
export function enqueueOrderEmail(tx: Executor, orderId: string, kind: Exclude<OrderEmailKind, "refunded">): Promise<EnqueuedJob>;
export function enqueueOrderEmail(tx: Executor, orderId: string, kind: "refunded", refundId: string): Promise<EnqueuedJob>;
export function enqueueOrderEmail(tx: Executor, orderId: string, kind: OrderEmailKind, refundId?: string): Promise<EnqueuedJob> {
  const payload = refundId ? { orderId, kind, refundId } : { orderId, kind };
  return enqueueJob(tx, "send-order-email", payload, { jobKey: orderEmailJobKey(orderId, kind, refundId) });
}

/**
 * Closes a cancelled order's payment at Stripe (expire the session, void the authorisation) from
 * the order worker, with retries: enqueued with the cancellation, so a crash cannot lose it.
 * Not keyed: the task is idempotent, and a late payment's job must not replace an earlier one.
 */
export function enqueueCloseStripePayment(tx: Executor, orderId: string, paymentIntentId?: string): Promise<EnqueuedJob> {
  return enqueueJob(tx, "close-stripe-payment", paymentIntentId ? { orderId, paymentIntentId } : { orderId });
}

/** Captures a picked order's payment from the order worker; one pending job per order. */
export function enqueueCapturePayment(tx: Executor, orderId: string): Promise<EnqueuedJob> {
  return enqueueJob(tx, "capture-payment", { orderId }, { jobKey: `capture-payment:${orderId}` });
}

/** Makes a refund request at Stripe from the order worker; one pending job per refund. */
export function enqueueRefundPayment(tx: Executor, refundId: string): Promise<EnqueuedJob> {
  return enqueueJob(tx, "refund-payment", { refundId }, { jobKey: `refund-payment:${refundId}` });
}

/**
 * An account e-mail with its one-time link; at most one pending per user and kind (a newer
 * request replaces an unsent one, so only the newest link goes out).
 */
export function enqueueAccountEmail(tx: Executor, payload: TaskPayload<"send-account-email">): Promise<EnqueuedJob> {
  return enqueueJob(tx, "send-account-email", payload, { jobKey: `account-email:${payload.userId}:${payload.kind}` });
}

/**
 * Expires a store's cached stock (product pages, listings) on the web app, from any process, once
 * the transaction that changed the stock commits: the worker that runs the job calls the web
 * app's internal endpoint. Keyed per store, so a burst of changes makes one pending refresh.
 */
export function enqueueStorefrontRefresh(tx: Executor, storeId: number): Promise<EnqueuedJob> {
  return enqueueJob(tx, "refresh-storefront", { tags: [TAGS.stock(storeId)] }, { jobKey: `refresh-storefront:stock:${storeId}` });
}
