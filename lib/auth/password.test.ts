import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyAgainstDummy, verifyPassword } from "./password";

// The cheapest parameters verifyPassword accepts, to keep the tests fast; the format is the same.
const FAST = { ln: 10, r: 8, p: 1 };

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery", FAST);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("stores a self-describing scrypt hash with a random 16-byte salt", async () => {
    const [a, b] = await Promise.all([hashPassword("same password", FAST), hashPassword("same password", FAST)]);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    const salt = Buffer.from(a.split("$")[3], "base64");
    expect(salt).toHaveLength(16);
    expect(a).not.toContain("same password");
  });

  it("uses OWASP's scrypt parameters by default (issue 6 item 4): N=2^15, r=8, p=3 or more work", async () => {
    // The cheat sheet's equivalent minimums, all with r=8: (N, p) = (2^17, 1), (2^16, 2), (2^15, 3), (2^14, 5), (2^13, 10).
    const owasp = [[17, 1], [16, 2], [15, 3], [14, 5], [13, 10]];
    expect(SCRYPT_PARAMS.r).toBeGreaterThanOrEqual(8);
    expect(owasp.some(([ln, p]) => SCRYPT_PARAMS.ln >= ln && SCRYPT_PARAMS.p >= p)).toBe(true);
    const stored = await hashPassword("default parameters");
    expect(stored.startsWith(`$scrypt$ln=${SCRYPT_PARAMS.ln},r=${SCRYPT_PARAMS.r},p=${SCRYPT_PARAMS.p}$`)).toBe(true);
    expect(await verifyPassword("default parameters", stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it("reads the parameters from the stored hash, and flags weaker ones for rehashing", async () => {
    const weak = await hashPassword("older hash", FAST);
    expect(await verifyPassword("older hash", weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    // The previous default (N=2^15, r=8, p=1) is upgraded too.
    const previous = await hashPassword("older hash", { ln: 15, r: 8, p: 1 });
    expect(needsRehash(previous)).toBe(true);
    expect(needsRehash(await hashPassword("stronger", { ln: 17, r: 8, p: 1 }))).toBe(false);
  });

  it("treats unicode forms of the same password alike", async () => {
    const stored = await hashPassword("caf\u00e9-au-lait", FAST);
    expect(await verifyPassword("cafe\u0301-au-lait", stored)).toBe(true);
  });

  it("refuses malformed or tampered hashes without throwing", async () => {
    const stored = await hashPassword("tamper", FAST);
    const parts = stored.split("$");
    const flipped = Buffer.from(parts[4], "base64");
    flipped[0] ^= 1;
    for (const bad of [
      "",
      "plain-text",
      "$2b$10$abcdefghijklmnopqrstuv",
      stored.replace("ln=10", "ln=40"),
      stored.replace("ln=10", "ln=4"),
      [...parts.slice(0, 4), flipped.toString("base64")].join("$"),
      [...parts.slice(0, 4), "AAAA"].join("$"),
    ]) {
      expect(await verifyPassword("tamper", bad), bad).toBe(false);
    }
  });

  it("spends time on unknown accounts and always refuses", async () => {
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
