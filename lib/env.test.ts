import { afterEach, describe, expect, it } from "vitest";
import { secureCookies } from "./env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const withEnv = (env: Record<string, string | undefined>) => {
  process.env = { ...saved, ...env };
  return secureCookies();
};

describe("sessions (issue 6 item 7): secure cookies", () => {
  it("are Secure in real deployments whatever the proxy or the URL says", () => {
    expect(withEnv({ HALLES_MODE: "production", PUBLIC_URL: "http://shop.internal" })).toBe(true);
    expect(withEnv({ HALLES_MODE: "staging", PUBLIC_URL: "http://staging.internal" })).toBe(true);
    expect(withEnv({ HALLES_MODE: undefined, NODE_ENV: "production", PUBLIC_URL: "http://shop.internal" })).toBe(true);
  });

  it("follow the scheme in the demo and in development, where localhost is plain HTTP", () => {
    expect(withEnv({ HALLES_MODE: "demo", PUBLIC_URL: "http://localhost:3000" })).toBe(false);
    expect(withEnv({ HALLES_MODE: "demo", PUBLIC_URL: "https://demo.example" })).toBe(true);
    expect(withEnv({ HALLES_MODE: "development", PUBLIC_URL: undefined })).toBe(false);
  });
});
