// freePort hands out ports no outgoing connection can take: below Linux's ephemeral range.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { freePort, holdPort } from "./ports";

const ephemeralLow = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);

describe("freePort", () => {
  it("answers distinct ports below the ephemeral range, each free on every interface", async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) {
      expect(port).toBeLessThan(ephemeralLow);
      const held = await holdPort(undefined, port);
      await held.release();
    }
  });
});
