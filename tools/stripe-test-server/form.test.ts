// The bracket-notation form parser and the Stripe-style param errors built on it.
import { describe, expect, it } from "vitest";
import { canonicalJson, formatParam, parseForm, parseKeyPath } from "./form";
import { captureParams, createSessionParams, parseParams } from "./params";

describe("parseKeyPath", () => {
  it("splits bracket segments", () => {
    expect(parseKeyPath("line_items[0][price_data][unit_amount]")).toEqual(["line_items", "0", "price_data", "unit_amount"]);
    expect(parseKeyPath("expand[]")).toEqual(["expand", ""]);
    expect(parseKeyPath("mode")).toEqual(["mode"]);
  });
});

describe("parseForm", () => {
  it("builds nested objects and index-keyed arrays as the stripe SDK encodes them", () => {
    const body = [
      "mode=payment",
      "line_items[0][price_data][currency]=eur",
      "line_items[0][price_data][unit_amount]=450",
      "line_items[0][price_data][product_data][name]=Sourdough%20loaf",
      "line_items[0][quantity]=2",
      "line_items[1][quantity]=1",
      "metadata[order_id]=order_42",
      "payment_intent_data[capture_method]=manual",
      "expand[0]=payment_intent",
    ].join("&");

    expect(parseForm(body)).toEqual({
      mode: "payment",
      line_items: [
        { price_data: { currency: "eur", unit_amount: "450", product_data: { name: "Sourdough loaf" } }, quantity: "2" },
        { quantity: "1" },
      ],
      metadata: { order_id: "order_42" },
      payment_intent_data: { capture_method: "manual" },
      expand: ["payment_intent"],
    });
  });

  it("appends with [], decodes encoded brackets and + as space, and compacts sparse indexes", () => {
    expect(parseForm("expand[]=a&expand[]=b")).toEqual({ expand: ["a", "b"] });
    expect(parseForm("metadata%5Bnote%5D=left+at+door")).toEqual({ metadata: { note: "left at door" } });
    expect(parseForm("items[3]=c&items[0]=a")).toEqual({ items: ["a", "c"] });
  });

  it("keeps __proto__ as plain data", () => {
    const parsed = parseForm("metadata[__proto__][polluted]=yes");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed.metadata)).toEqual(["__proto__"]);
  });

  it("compares params regardless of key order", () => {
    expect(canonicalJson(parseForm("a=1&b[c]=2"))).toBe(canonicalJson(parseForm("b[c]=2&a=1")));
    expect(formatParam(["line_items", 0, "quantity"])).toBe("line_items[0][quantity]");
  });
});

describe("parseParams", () => {
  const valid = parseForm(
    "mode=payment&line_items[0][price_data][currency]=EUR&line_items[0][price_data][unit_amount]=450&line_items[0][price_data][product_data][name]=Leeks&line_items[0][quantity]=2",
  );

  it("converts integers and lowercases currencies", () => {
    const parsed = parseParams(createSessionParams, valid);
    expect(parsed.line_items[0]).toMatchObject({ quantity: 2, price_data: { currency: "eur", unit_amount: 450 } });
  });

  it.each([
    ["amount_to_capture=abc", "amount_to_capture", "Invalid integer: abc"],
    ["amount_to_capture=0", "amount_to_capture", "This value must be greater than or equal to 1."],
    ["amount=5", "amount", "Received unknown parameter: amount"],
    ["metadata[order]=x&metadata=", "metadata", null],
  ])("reports %s as a 400 on %s", (body, param, message) => {
    if (message === null) {
      expect(() => parseParams(captureParams, parseForm(body))).not.toThrow();
      return;
    }
    expect(() => parseParams(captureParams, parseForm(body))).toThrowError(expect.objectContaining({ statusCode: 400, param, message }));
  });

  it("rejects non-http success URLs and unknown enum values", () => {
    const withUrl = { ...valid, success_url: "javascript:alert(1)" };
    expect(() => parseParams(createSessionParams, withUrl)).toThrowError(expect.objectContaining({ param: "success_url", message: "Not a valid URL" }));
    const withMode = { ...valid, payment_intent_data: { capture_method: "later" } };
    expect(() => parseParams(createSessionParams, withMode)).toThrowError(
      expect.objectContaining({ param: "payment_intent_data[capture_method]", message: "Invalid capture_method: must be one of automatic, automatic_async, manual" }),
    );
  });
});
