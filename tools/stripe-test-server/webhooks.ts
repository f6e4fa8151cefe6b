// Events and their webhook delivery: signed like Stripe, sent in the background, retried with backoff.
import { request as httpRequest, type ClientRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import Stripe from "stripe";
import { buildEvent, type EventObject } from "./objects";
import type { RequestContext } from "./store";

export interface RetryPolicy {
  /** Delivery attempts per event (first try included). */
  attempts: number;
  /** Delay before the 2nd attempt; doubles for each later one. */
  baseDelayMs: number;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type DeliveryStatus = "pending" | "delivered" | "failed" | "not_sent";

export interface EventRecord {
  id: string;
  type: string;
  created: number;
  /** `not_sent` when the server has no webhook URL; events are still listed and retrievable. */
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  event: Stripe.Event;
}

export type Logger = (entry: Record<string, unknown>) => void;

interface DispatcherOptions {
  url?: string;
  secret: string;
  retry: RetryPolicy;
  now: () => number;
  log: Logger;
}

const ATTEMPT_TIMEOUT_MS = 10_000;

export class WebhookDispatcher {
  private readonly records = new Map<string, EventRecord>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<ClientRequest>();
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {}

  /** Records an event and, when a webhook URL is set, delivers it after the current request finishes. */
  emit(type: Stripe.Event.Type, object: EventObject, request: RequestContext): Stripe.Event {
    const hasEndpoint = Boolean(this.options.url);
    const event = buildEvent(type, object, Math.floor(this.options.now() / 1000), request, hasEndpoint ? 1 : 0);
    const record: EventRecord = {
      id: event.id,
      type,
      created: event.created,
      status: hasEndpoint ? "pending" : "not_sent",
      attempts: [],
      event,
    };
    this.records.set(event.id, record);
    this.options.log({ level: "info", msg: "event created", eventId: event.id, type });
    if (hasEndpoint) setImmediate(() => this.attempt(record, 1));
    return event;
  }

  find(id: string): EventRecord | undefined {
    return this.records.get(id);
  }

  /** Newest first, like Stripe's lists. */
  list(): EventRecord[] {
    return [...this.records.values()].reverse();
  }

  /** Delivers an event again (a new run with the full retry policy), e.g. to test duplicate handling. */
  resend(id: string): EventRecord | undefined {
    const record = this.records.get(id);
    if (!record || !this.options.url) return record;
    this.clearTimer(id);
    record.status = "pending";
    this.attempt(record, 1);
    return record;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const req of this.inFlight) req.destroy();
    this.inFlight.clear();
  }

  private clearTimer(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  private attempt(record: EventRecord, runAttempt: number): void {
    if (this.closed || !this.options.url) return;
    const started = Date.now();
    const payload = JSON.stringify(record.event, null, 2);
    // Signed afresh for every attempt with the real clock, as Stripe does, so the receiver's
    // timestamp tolerance check passes even when the server's clock is shifted for tests.
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: this.options.secret,
      timestamp: Math.floor(started / 1000),
    });
    this.post(this.options.url, payload, signature, (statusCode, error) => {
      const attemptNumber = record.attempts.length + 1;
      record.attempts.push({
        attempt: attemptNumber,
        at: new Date(started).toISOString(),
        statusCode,
        error,
        durationMs: Date.now() - started,
      });
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      this.options.log({
        level: ok ? "info" : "warn",
        msg: ok ? "webhook delivered" : "webhook delivery failed",
        eventId: record.id,
        type: record.type,
        attempt: attemptNumber,
        statusCode,
        error,
      });
      if (ok) {
        record.status = "delivered";
        record.event.pending_webhooks = 0;
      } else if (runAttempt < this.options.retry.attempts && !this.closed) {
        const delay = this.options.retry.baseDelayMs * 2 ** (runAttempt - 1);
        // One pending retry per event: a resend that overlaps a failing run takes over from it.
        this.clearTimer(record.id);
        const timer = setTimeout(() => {
          this.timers.delete(record.id);
          this.attempt(record, runAttempt + 1);
        }, delay);
        timer.unref();
        this.timers.set(record.id, timer);
      } else {
        record.status = "failed";
      }
    });
  }

  private post(target: string, payload: string, signature: string, done: (statusCode: number | null, error: string | null) => void): void {
    const url = new URL(target);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      this.inFlight.delete(req);
      if (!this.closed) done(statusCode, error);
    };
    const req = send(url, {
      method: "POST",
      agent: false,
      timeout: ATTEMPT_TIMEOUT_MS,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": Buffer.byteLength(payload),
        "Stripe-Signature": signature,
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks) halles-stripe-test-server",
        "Cache-Control": "no-cache",
      },
    });
    this.inFlight.add(req);
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => finish(res.statusCode ?? null, null));
      res.on("error", (err) => finish(res.statusCode ?? null, err.message));
    });
    req.on("timeout", () => req.destroy(new Error(`timed out after ${ATTEMPT_TIMEOUT_MS} ms`)));
    req.on("error", (err) => finish(null, err.message));
    req.end(payload);
  }
}
