// What the webhook stores: a signed body is only from Stripe if the secret is kept, and the local
// test server's secret is published; so its shape is checked too before it reaches the database
// (PostgreSQL refuses NUL and lone surrogates in jsonb) and the order worker (which reads
// data.object). Stripe's own events always pass.
import type Stripe from "stripe";
import { z } from "zod";

const eventShape = z.looseObject({
  id: z.string().regex(/^evt_[A-Za-z0-9_]{1,250}$/),
  type: z.string().regex(/^[a-z0-9_.]{1,100}$/),
  data: z.looseObject({ object: z.looseObject({}) }),
});

/** Stripe's objects nest a few levels; this is far past them, and well within what a walk or PostgreSQL takes. */
const MAX_DEPTH = 64;

/**
 * Every string in the value, keys included, is text PostgreSQL can store (well-formed UTF-16, no
 * NUL), nested at most MAX_DEPTH deep. Walked with a stack of its own: a body nested thousands
 * deep must not overflow the call stack.
 */
export function isStorableJson(value: unknown): boolean {
  const text = (s: string) => s.isWellFormed() && !s.includes("\u0000");
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (typeof item === "string" && !text(item)) return false;
    if (typeof item !== "object" || item === null) continue;
    if (depth >= MAX_DEPTH) return false;
    for (const [key, child] of Object.entries(item)) {
      if (!text(key)) return false;
      pending.push([child, depth + 1]);
    }
  }
  return true;
}

/** The event when it has the shape of one Stripe sends (id, type, data.object) and can be stored; else null. */
export function recordableEvent(event: unknown): Stripe.Event | null {
  return eventShape.safeParse(event).success && isStorableJson(event) ? (event as Stripe.Event) : null;
}
