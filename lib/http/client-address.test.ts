import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("client address behind trusted proxies (issue 6 item 4)", () => {
  it("takes the peer's address without a proxy, whatever the client claims", () => {
    // The server appended the peer (203.0.113.7) after what the client sent.
    expect(clientAddress(headers("198.51.100.1, 10.0.0.9, 203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(headers("203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("skips the configured number of trusted proxies, and never trusts further left", () => {
    // client spoof, real client (as the gateway saw it), gateway (as this server saw it)
    const chain = headers("6.6.6.6, 198.51.100.23, 10.0.0.2");
    expect(clientAddress(chain, 1)).toBe("198.51.100.23");
    expect(clientAddress(chain, 2)).toBe("6.6.6.6");
    // More hops configured than there are entries: the leftmost, never beyond.
    expect(clientAddress(headers("198.51.100.23, 10.0.0.2"), 5)).toBe("198.51.100.23");
  });

  it("is null without an address, or with garbage", () => {
    expect(clientAddress(headers(), 0)).toBeNull();
    expect(clientAddress(headers("not-an-ip"), 0)).toBeNull();
    expect(clientAddress(headers("1.2.3.4, ' or 1=1 --"), 0)).toBeNull();
  });

  it("groups IPv6 by /64 and reads mapped IPv4 and ports", () => {
    expect(normalizeAddress("2001:db8:abcd:12:1:2:3:4")).toBe("2001:db8:abcd:12::/64");
    expect(normalizeAddress("2001:0DB8:ABCD:0012::99")).toBe("2001:db8:abcd:12::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::ffff:192.0.2.33")).toBe("192.0.2.33");
    expect(normalizeAddress("192.0.2.33:51234")).toBe("192.0.2.33");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
