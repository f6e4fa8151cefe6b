// The official Stripe SDK pointed at a Stripe test server of the test's own (or at a closed port).
import Stripe from "stripe";

export function stripeAt(port: number, key = "sk_test_halles"): Stripe {
  return new Stripe(key, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
}
