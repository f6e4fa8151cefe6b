// Stripe-shaped API errors: `{ error: { type, code, message, param, doc_url } }` with Stripe's status codes.

export type StripeErrorType = "invalid_request_error" | "idempotency_error" | "card_error" | "api_error";

export interface StripeErrorBody {
  error: {
    type: StripeErrorType;
    message: string;
    code?: string;
    param?: string;
    doc_url?: string;
    decline_code?: string;
  };
}

interface StripeApiErrorOptions {
  code?: string;
  param?: string;
  /**
   * Stripe saves an idempotent result only once an endpoint has started executing;
   * requests rejected by parameter validation are not saved, so a corrected retry may reuse the key.
   */
  saveIdempotent?: boolean;
}

export class StripeApiError extends Error {
  readonly statusCode: number;
  readonly type: StripeErrorType;
  readonly code?: string;
  readonly param?: string;
  readonly saveIdempotent: boolean;

  constructor(statusCode: number, type: StripeErrorType, message: string, options: StripeApiErrorOptions = {}) {
    super(message);
    this.name = "StripeApiError";
    this.statusCode = statusCode;
    this.type = type;
    this.code = options.code;
    this.param = options.param;
    this.saveIdempotent = options.saveIdempotent ?? true;
  }

  toBody(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code, doc_url: `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, "-")}` } : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

/** 400 invalid_request_error, optionally naming the offending param and an error code. */
export function invalidRequest(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, "invalid_request_error", message, { param, code });
}

/** 400 raised while validating params: like Stripe, no idempotent result is saved for it. */
export function invalidParam(message: string, param: string, code = "parameter_invalid"): StripeApiError {
  return new StripeApiError(400, "invalid_request_error", message, { param, code, saveIdempotent: false });
}

/** 404 for an unknown id, e.g. `No such payment_intent: 'pi_123'` with code resource_missing. */
export function resourceMissing(objectName: string, id: string, param: string): StripeApiError {
  return new StripeApiError(404, "invalid_request_error", `No such ${objectName}: '${id}'`, {
    code: "resource_missing",
    param,
  });
}

/** 400 for an action the object's current state does not allow (capture a canceled intent, …). */
export function unexpectedState(message: string, code = "payment_intent_unexpected_state"): StripeApiError {
  return new StripeApiError(400, "invalid_request_error", message, { code });
}

/** 404 for a path Stripe does not know, with Stripe's own wording. */
export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). This Stripe test server supports only the endpoints listed in tools/stripe-test-server/README.md.`,
    { saveIdempotent: false },
  );
}

/** A 401 body; the SDK turns any 401 into StripeAuthenticationError whatever the type. */
export function authenticationError(message: string): StripeApiError {
  return new StripeApiError(401, "invalid_request_error", message, { saveIdempotent: false });
}
