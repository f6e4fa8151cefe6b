// Request parameter schemas for the supported endpoints, and the mapping of zod issues to Stripe's 400s.
import { z } from "zod";
import { invalidParam, type StripeApiError } from "./errors";
import { formatParam, type FormObject, type FormValue } from "./form";

const MAX_AMOUNT = 99_999_999;

/** Form values arrive as strings; Stripe answers `Invalid integer: abc` when they are not integers. */
function integer(min: number, max = MAX_AMOUNT) {
  return z.string().transform((raw, ctx) => {
    if (!/^-?\d+$/.test(raw.trim())) {
      ctx.addIssue({ code: "custom", message: `Invalid integer: ${raw}`, params: { code: "parameter_invalid_integer" } });
      return z.NEVER;
    }
    const value = Number(raw);
    if (value < min) ctx.addIssue({ code: "custom", message: `This value must be greater than or equal to ${min}.` });
    if (value > max) ctx.addIssue({ code: "custom", message: `This value must be less than or equal to ${max}.` });
    return value;
  });
}

const metadata = z
  .union([z.literal(""), z.record(z.string(), z.string())])
  .transform((value, ctx) => {
    // `metadata[key]=` (empty) unsets a key on Stripe; on create it simply means "no value".
    const entries = value === "" ? [] : Object.entries(value).filter(([, v]) => v !== "");
    if (entries.length > 50) ctx.addIssue({ code: "custom", message: "Metadata can have at most 50 keys." });
    for (const [key, v] of entries) {
      if (key.length > 40) ctx.addIssue({ code: "custom", message: `Metadata key too long: ${key} (maximum 40 characters).` });
      if (v.length > 500) ctx.addIssue({ code: "custom", message: `Metadata value for ${key} too long (maximum 500 characters).` });
    }
    return Object.fromEntries(entries) as Record<string, string>;
  });

// http(s) only: these URLs end up in links and redirects on the hosted page.
const url = z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
  message: "Not a valid URL",
});

const currency = z.string().transform((raw, ctx) => {
  const code = raw.toLowerCase();
  if (!/^[a-z]{3}$/.test(code) || !Intl.supportedValuesOf("currency").includes(code.toUpperCase())) {
    ctx.addIssue({ code: "custom", message: `Invalid currency: ${raw}.` });
    return z.NEVER;
  }
  return code;
});

const email = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: "Invalid email address" });

const expand = z.array(z.string()).optional();

const lineItem = z.strictObject({
  price: z.string().optional(),
  price_data: z
    .strictObject({
      currency,
      unit_amount: integer(0),
      product_data: z.strictObject({
        name: z.string().min(1, { message: "You passed an empty string for 'name'. We assume empty values are an attempt to unset a parameter; however 'name' cannot be unset." }),
        description: z.string().optional(),
        images: z.array(url).optional(),
        metadata: metadata.optional(),
        tax_code: z.string().optional(),
      }),
      tax_behavior: z.enum(["exclusive", "inclusive", "unspecified"]).optional(),
    })
    .optional(),
  quantity: integer(1, 999_999),
});

export const createSessionParams = z.strictObject({
  mode: z.enum(["payment", "setup", "subscription"]),
  line_items: z.array(lineItem).min(1, { message: "line_items must contain at least one item in payment mode." }),
  success_url: url.optional(),
  cancel_url: url.optional(),
  client_reference_id: z.string().max(200).optional(),
  customer_email: email.optional(),
  expires_at: integer(0, Number.MAX_SAFE_INTEGER).optional(),
  metadata: metadata.optional(),
  payment_intent_data: z
    .strictObject({
      capture_method: z.enum(["automatic", "automatic_async", "manual"]).optional(),
      description: z.string().optional(),
      metadata: metadata.optional(),
      receipt_email: email.optional(),
      statement_descriptor: z.string().max(22).optional(),
      statement_descriptor_suffix: z.string().max(22).optional(),
    })
    .optional(),
  // Accepted so ordinary Checkout calls work; the hosted test page always takes cards.
  payment_method_types: z.array(z.string()).optional(),
  locale: z.string().optional(),
  submit_type: z.enum(["auto", "book", "donate", "pay", "subscribe"]).optional(),
  ui_mode: z.enum(["hosted_page", "hosted"]).optional(),
  expand,
});
export type CreateSessionParams = z.output<typeof createSessionParams>;

export const expandOnlyParams = z.strictObject({ expand });

export const captureParams = z.strictObject({
  amount_to_capture: integer(1).optional(),
  metadata: metadata.optional(),
  expand,
});

export const cancelParams = z.strictObject({
  cancellation_reason: z.enum(["abandoned", "duplicate", "fraudulent", "requested_by_customer"]).optional(),
  expand,
});

export const createRefundParams = z.strictObject({
  payment_intent: z.string().optional(),
  charge: z.string().optional(),
  amount: integer(1).optional(),
  reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
  metadata: metadata.optional(),
  expand,
});
export type CreateRefundParams = z.output<typeof createRefundParams>;

function valueAt(input: FormValue | undefined, path: ReadonlyArray<PropertyKey>): FormValue | undefined {
  let current = input;
  for (const segment of path) {
    if (current === undefined || typeof current === "string") return undefined;
    current = Array.isArray(current) ? current[Number(segment)] : current[String(segment)];
  }
  return current;
}

function toStripeError(issue: z.core.$ZodIssue, input: FormObject): StripeApiError {
  if (issue.code === "unrecognized_keys") {
    const param = formatParam([...issue.path, issue.keys[0]]);
    return invalidParam(`Received unknown parameter: ${param}`, param, "parameter_unknown");
  }
  const param = formatParam(issue.path);
  const name = String(issue.path[issue.path.length - 1] ?? param);
  if (valueAt(input, issue.path) === undefined) {
    return invalidParam(`Missing required param: ${param}.`, param, "parameter_missing");
  }
  switch (issue.code) {
    case "invalid_value":
      return invalidParam(`Invalid ${name}: must be one of ${issue.values.map(String).join(", ")}`, param);
    case "invalid_type":
      return invalidParam(issue.expected === "array" ? "Invalid array" : issue.expected === "object" ? "Invalid hash" : `Invalid ${issue.expected}`, param);
    case "custom": {
      const code = typeof issue.params?.code === "string" ? issue.params.code : "parameter_invalid";
      return invalidParam(issue.message, param, code);
    }
    default:
      return invalidParam(issue.message, param);
  }
}

/** Validates parsed form params against a schema, throwing the first problem as Stripe would. */
export function parseParams<T extends z.ZodType>(schema: T, input: FormObject): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw toStripeError(result.error.issues[0], input);
}
