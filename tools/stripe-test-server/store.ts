// In-memory state of the test server (a test double of an external service) and id look-ups.
import type Stripe from "stripe";
import { invalidParam, resourceMissing } from "./errors";
import type { EventObject, EventRequest } from "./objects";

export interface LineItem {
  name: string;
  description: string | null;
  currency: string;
  unitAmount: number;
  quantity: number;
}

export interface SessionEntry {
  session: Stripe.Checkout.Session;
  lineItems: LineItem[];
  captureMethod: Stripe.PaymentIntent.CaptureMethod;
  paymentIntentData: {
    description: string | null;
    metadata: Record<string, string>;
    receiptEmail: string | null;
    statementDescriptor: string | null;
    statementDescriptorSuffix: string | null;
  };
}

/** Who caused an event: the API request (id + Idempotency-Key), or null for shopper and timer actions. */
export type RequestContext = EventRequest | null;

export interface StoreDeps {
  /** Milliseconds since the epoch; injectable so tests can move time forward. */
  now: () => number;
  /** Base URL of the hosted payment page (`{publicUrl}/pay/{id}`). */
  publicUrl: () => string;
  /** Records an event and schedules its webhook delivery. */
  emit: (type: Stripe.Event.Type, object: EventObject, request: RequestContext) => void;
  /** Resolves `evt_` ids for expansion and GET /v1/events/:id. */
  findEvent: (id: string) => Stripe.Event | undefined;
  /** What a completed manual-capture session reports before capture (see README). */
  manualCapturePaymentStatus: "paid" | "unpaid";
}

export class Store {
  readonly sessions = new Map<string, SessionEntry>();
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  /** PaymentIntent id → Checkout Session id, for intents Checkout created. */
  readonly sessionIdByPaymentIntent = new Map<string, string>();

  constructor(readonly deps: StoreDeps) {}

  nowSeconds(): number {
    return Math.floor(this.deps.now() / 1000);
  }

  paymentIntent(id: string, param = "intent"): Stripe.PaymentIntent {
    const intent = this.paymentIntents.get(id);
    if (!intent) throw resourceMissing("payment_intent", id, param);
    return intent;
  }

  charge(id: string, param = "charge"): Stripe.Charge {
    const charge = this.charges.get(id);
    if (!charge) throw resourceMissing("charge", id, param);
    return charge;
  }

  refund(id: string): Stripe.Refund {
    const refund = this.refunds.get(id);
    if (!refund) throw resourceMissing("refund", id, "refund");
    return refund;
  }

  event(id: string): Stripe.Event {
    const event = this.deps.findEvent(id);
    if (!event) throw resourceMissing("event", id, "id");
    return event;
  }

  /** Any stored object by id, for `expand[]`. */
  resolve(id: string): object | undefined {
    return (
      this.sessions.get(id)?.session ??
      this.paymentIntents.get(id) ??
      this.charges.get(id) ??
      this.refunds.get(id) ??
      this.deps.findEvent(id)
    );
  }

  /**
   * A deep copy of `object` with `expand[]` paths (`payment_intent`, `payment_intent.latest_charge`)
   * replaced by the objects they name, as Stripe renders them.
   */
  render(object: object, expand: string[] = []): object {
    const copy = structuredClone(object) as Record<string, unknown>;
    for (const path of expand) this.expandPath(copy, path.split("."), path);
    return copy;
  }

  private expandPath(target: Record<string, unknown>, path: string[], fullPath: string): void {
    const [field, ...rest] = path;
    if (!(field in target)) throw invalidParam(`This property cannot be expanded (${fullPath}).`, "expand");
    let value = target[field];
    if (typeof value === "string") {
      const found = this.resolve(value);
      if (!found) throw invalidParam(`This property cannot be expanded (${fullPath}).`, "expand");
      value = structuredClone(found);
      target[field] = value;
    }
    if (rest.length === 0 || value === null) return;
    if (typeof value !== "object") throw invalidParam(`This property cannot be expanded (${fullPath}).`, "expand");
    this.expandPath(value as Record<string, unknown>, rest, fullPath);
  }
}
