// What the shopper reads when "Place order and pay" does not end on the payment page: one sentence
// per refusal code of startCheckout (the checkout action shows it; tests assert it).
import { placeOrderErrorMessage } from "@/db/queries/checkout";
import { minutesText } from "@/lib/limits/rate-limit";
import type { StartCheckoutError } from "./start-checkout";

export function startCheckoutErrorMessage(error: StartCheckoutError): string {
  switch (error.code) {
    case "payment_unavailable":
      return "Payment is unavailable at the moment, so no order was placed. Your basket is unchanged; please try again in a few minutes.";
    case "unavailable":
      return "We could not place your order just now because of a problem on our side, and nothing was charged. Please check your orders, then try again in a few minutes.";
    case "throttled":
      return `You have placed many orders in the last hour. Please try again in ${minutesText(error.retryAfterMinutes * 60)}.`;
    default:
      return placeOrderErrorMessage(error);
  }
}
