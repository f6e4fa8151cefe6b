// The job registry: every task name the queue knows and the zod schema its payload must match.
// The web app validates before enqueueing (lib/jobs/queue.ts); the workers validate again on run.
import { z } from "zod";
import { REQUEST_ID_PATTERN } from "@/lib/request-id.mjs";

/** `picked`: the changes picking made and the amount charged; `refunded`: one refund (its refundId). */
export const ORDER_EMAIL_KINDS = ["confirmed", "cancelled", "picked", "refunded"] as const;
export type OrderEmailKind = (typeof ORDER_EMAIL_KINDS)[number];

export const ACCOUNT_EMAIL_KINDS = ["verify-email", "account-exists", "reset-password", "staff-invite"] as const;
export type AccountEmailKind = (typeof ACCOUNT_EMAIL_KINDS)[number];

// Objects strip unknown keys rather than refusing them: graphile-worker adds `_cron` to the
// payload of jobs it creates from a crontab.
export const TASK_PAYLOADS = {
  "process-stripe-event": z.object({ eventId: z.string().min(1) }),
  // A refund's e-mail names its refund: an order may have several, each told once.
  "send-order-email": z
    .object({ orderId: z.uuid(), kind: z.enum(ORDER_EMAIL_KINDS), refundId: z.uuid().optional() })
    .refine((p) => (p.kind === "refunded") === (p.refundId !== undefined), { message: "refundId is required for a refund e-mail, and only for it", path: ["refundId"] }),
  // The one-time token travels in the payload (the database holds only its hash) until sent.
  "send-account-email": z.object({
    userId: z.uuid(),
    kind: z.enum(ACCOUNT_EMAIL_KINDS),
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
    next: z.string().max(512).optional(),
  }),
  // Closes what a cancelled order left open at Stripe: its Checkout Session, its authorisation,
  // and `paymentIntentId` when a payment arrived after the cancellation.
  "close-stripe-payment": z.object({ orderId: z.uuid(), paymentIntentId: z.string().min(1).optional() }),
  // Captures a picked order's final total (capped at the authorisation) and moves it on to
  // collection or delivery; enqueued with the move to `picked`.
  "capture-payment": z.object({ orderId: z.uuid() }),
  // Makes one refund request (a refunds row) at Stripe, keyed by its id, and records the outcome.
  "refund-payment": z.object({ refundId: z.uuid() }),
  // Scheduler: flags orders whose uncaptured authorisation is older than 6 days (Stripe drops it at 7).
  "flag-expiring-authorizations": z.object({}),
  "expire-unpaid-orders": z.object({}),
  "roll-slot-calendar": z.object({}),
  "prune-security-records": z.object({}),
  // Scheduler: applies the price changes that are due (price_changes); `changeId` names the one a
  // job was enqueued for at its effective time, the minute cron sends none. Either applies all due.
  "apply-price-changes": z.object({ changeId: z.number().int().positive().optional() }),
  // Scheduler: applies content pages' scheduled publish/unpublish; one page at its time, or every due page (cron).
  "apply-content-schedule": z.object({ pageId: z.number().int().positive().optional() }),
  // Cache tags of the storefront to expire (lib/cache-tags.ts), e.g. a store's stock.
  "refresh-storefront": z.object({ tags: z.array(z.string().regex(/^[a-z]+(:[a-z0-9-]+)?$/).max(100)).min(1).max(50) }),
} as const;

export type TaskName = keyof typeof TASK_PAYLOADS;
export type TaskPayload<T extends TaskName> = z.infer<(typeof TASK_PAYLOADS)[T]>;

export const TASK_NAMES = Object.keys(TASK_PAYLOADS) as TaskName[];

export function isTaskName(name: string): name is TaskName {
  return Object.hasOwn(TASK_PAYLOADS, name);
}

/**
 * What enqueueJob adds to every payload besides the task's own fields: the request id of the web
 * request (or job) that enqueued it. The task schemas strip it; the worker reads it with this one,
 * and a malformed id is dropped rather than failing the job.
 */
export const JOB_CONTEXT = z.object({ requestId: z.string().regex(REQUEST_ID_PATTERN).optional().catch(undefined) });

/** A payload that does not match its task's schema: a programming error, never worth a retry. */
export class InvalidJobPayloadError extends Error {
  readonly code = "invalid_job_payload";
  constructor(
    readonly task: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`Invalid payload for job "${task}": ${issues.map((i) => `${i.path || "(payload)"}: ${i.message}`).join("; ")}`);
    this.name = "InvalidJobPayloadError";
  }
}

/** The payload, parsed by its task's schema; throws InvalidJobPayloadError otherwise. */
export function parseTaskPayload<T extends TaskName>(task: T, payload: unknown): TaskPayload<T> {
  if (!isTaskName(task)) throw new InvalidJobPayloadError(task, [{ path: "", message: "unknown task" }]);
  const schema: z.ZodType = TASK_PAYLOADS[task];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new InvalidJobPayloadError(
      task,
      parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }
  return parsed.data as TaskPayload<T>;
}

/** The job key that makes an order e-mail unique in the queue (a refund's e-mail, per refund). */
export function orderEmailJobKey(orderId: string, kind: OrderEmailKind, refundId?: string): string {
  return refundId ? `order-email:${orderId}:${kind}:${refundId}` : `order-email:${orderId}:${kind}`;
}
