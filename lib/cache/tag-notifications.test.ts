import { describe, expect, it } from "vitest";
import { decodeTagNotification, encodeTagNotifications } from "./tag-notifications.mjs";

describe("cache tag notifications", () => {
  it("carry the tags, their durations and the sender", () => {
    const [payload, ...rest] = encodeTagNotifications(["catalog", "product:bananas"], { expire: 0 }, "instance-a");
    expect(rest).toEqual([]);
    expect(decodeTagNotification(payload)).toEqual({ tags: ["catalog", "product:bananas"], durations: { expire: 0 }, from: "instance-a" });
    expect(decodeTagNotification(encodeTagNotifications(["stock:1"], undefined)[0])).toEqual({ tags: ["stock:1"], durations: undefined, from: undefined });
  });

  it("split a long list into messages NOTIFY accepts (under 8,000 bytes), losing no tag", () => {
    const tags = Array.from({ length: 600 }, (_, i) => `product:a-rather-long-product-slug-number-${i}`);
    const payloads = encodeTagNotifications(tags, { expire: 0 }, "instance-a");
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    expect(payloads.flatMap((p) => decodeTagNotification(p)!.tags)).toEqual(tags);
  });

  it("ignore anything else on the channel", () => {
    for (const payload of ["", "not json", "null", '{"tags":"catalog"}', '{"tags":[1]}', '{"tags":["a"],"durations":{"expire":"0"}}', '{"tags":["a"],"durations":3}']) {
      expect(decodeTagNotification(payload), payload).toBeNull();
    }
  });
});
