import { describe, expect, it } from "vitest";
import { DEVELOPMENT_ONLY_AUTH_SECRET } from "@/lib/auth/secret";
import { assertDeploymentConfig, buildModeProblem, DeploymentConfigError, deploymentMode, deploymentProblems, LOCAL_WEBHOOK_SECRET, serverActionsKeyProblem } from "./deployment";

/** A configuration a real shop could run with. */
const live = {
  NODE_ENV: "production",
  STRIPE_SECRET_KEY: "sk_live_51Hx2kQ3Zr8vXw4Lp9Tn3Yb6Hc1Fd5Ge",
  STRIPE_WEBHOOK_SECRET: "whsec_8Hq2Lk5Zp0Wx3Vn7Tc4Yb1Md6Fg9Rs2",
  SMTP_URL: "smtps://orders:app-password@smtp.example.com:465",
  AUTH_SECRET: "q3ZJ1x8Vw0cR6kTn2Lb9Yp4Hs7Mf5Gd-_aE",
};

describe("deployment mode", () => {
  it("is production for a bare next start, development otherwise, unless HALLES_MODE says", () => {
    expect(deploymentMode({ NODE_ENV: "production" })).toBe("production");
    expect(deploymentMode({ NODE_ENV: "test" })).toBe("development");
    expect(deploymentMode({})).toBe("development");
    expect(deploymentMode({ NODE_ENV: "production", HALLES_MODE: "demo" })).toBe("demo");
    expect(deploymentMode({ NODE_ENV: "production", HALLES_MODE: "staging" })).toBe("staging");
    expect(() => deploymentMode({ HALLES_MODE: "prod" })).toThrow(/HALLES_MODE must be one of development, demo, staging, production/);
  });
});

describe("production safety (issue 6 item 2)", () => {
  it("accepts a real shop's configuration", () => {
    expect(deploymentProblems("production", live)).toEqual([]);
    expect(assertDeploymentConfig(live)).toBe("production");
  });

  it("refuses each unsafe setting in production, naming it", () => {
    const cases: [Record<string, string | undefined>, RegExp][] = [
      [{ STRIPE_SECRET_KEY: "sk_test_51Hx2kQ3Zr8vXw4" }, /STRIPE_SECRET_KEY is a test key/],
      [{ STRIPE_SECRET_KEY: "rk_test_51Hx2kQ3Zr8vXw4" }, /STRIPE_SECRET_KEY is a test key/],
      [{ STRIPE_SECRET_KEY: undefined }, /STRIPE_SECRET_KEY is not set/],
      [{ STRIPE_API_HOST: "127.0.0.1" }, /STRIPE_API_HOST points at 127\.0\.0\.1/],
      [{ STRIPE_API_HOST: "stripe.evil.example" }, /STRIPE_API_HOST/],
      [{ STRIPE_API_PORT: "12111" }, /STRIPE_API_PORT/],
      [{ STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET }, /STRIPE_WEBHOOK_SECRET is the local test server's/],
      [{ STRIPE_WEBHOOK_SECRET: undefined }, /STRIPE_WEBHOOK_SECRET is not set/],
      [{ SMTP_URL: undefined }, /SMTP_URL is not set/],
      [{ SMTP_URL: "smtp://127.0.0.1:1025" }, /SMTP_URL points at the local mail capture/],
      [{ SMTP_URL: "smtp://localhost:1025" }, /SMTP_URL points at the local mail capture/],
      [{ SMTP_URL: "smtp://127.0.0.1:3102", MAIL_CAPTURE_SMTP_PORT: "3102" }, /SMTP_URL points at the local mail capture/],
      [{ SMTP_URL: "not a url" }, /SMTP_URL is not a valid/],
      [{ AUTH_SECRET: undefined }, /AUTH_SECRET is missing or weak/],
      [{ AUTH_SECRET: "short" }, /AUTH_SECRET is missing or weak/],
      [{ AUTH_SECRET: DEVELOPMENT_ONLY_AUTH_SECRET }, /AUTH_SECRET is missing or weak/],
      [{ AUTH_SECRET: "a".repeat(64) }, /AUTH_SECRET is missing or weak/],
      [{ AUTH_SECRET: "abababababababababababababababababab" }, /AUTH_SECRET is missing or weak/],
    ];
    for (const [change, message] of cases) {
      const env = { ...live, ...change };
      const problems = deploymentProblems("production", env);
      expect(problems, JSON.stringify(change)).toHaveLength(1);
      expect(problems[0], JSON.stringify(change)).toMatch(message);
      expect(() => assertDeploymentConfig(env), JSON.stringify(change)).toThrow(DeploymentConfigError);
    }
  });

  it("allows a local relay on another port", () => {
    expect(deploymentProblems("production", { ...live, SMTP_URL: "smtp://127.0.0.1:25" })).toEqual([]);
  });

  it("lists every problem at once", () => {
    const demoStack = {
      NODE_ENV: "production",
      STRIPE_SECRET_KEY: "sk_test_halles_local",
      STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: "12111",
      SMTP_URL: "smtp://127.0.0.1:1025",
      AUTH_SECRET: DEVELOPMENT_ONLY_AUTH_SECRET,
    };
    expect(deploymentProblems("production", demoStack)).toHaveLength(6);
    expect(() => assertDeploymentConfig(demoStack)).toThrow(/Refusing to start in production mode:\n {2}- STRIPE_SECRET_KEY/);
  });

  it("allows test keys in staging, and nothing else", () => {
    const staging = { ...live, HALLES_MODE: "staging", STRIPE_SECRET_KEY: "sk_test_51Hx2kQ3Zr8vXw4" };
    expect(deploymentProblems("staging", staging)).toEqual([]);
    expect(deploymentProblems("staging", { ...staging, STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET })).toHaveLength(1);
    expect(deploymentProblems("staging", { ...staging, SMTP_URL: undefined })).toHaveLength(1);
    expect(deploymentProblems("staging", { ...staging, STRIPE_API_HOST: "localhost" })).toHaveLength(1);
    expect(deploymentProblems("staging", { ...staging, AUTH_SECRET: "weak" })).toHaveLength(1);
  });

  it("lets the demo and development run on the local stand-ins", () => {
    const local = { STRIPE_SECRET_KEY: "sk_test_halles_local", STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET, SMTP_URL: "smtp://127.0.0.1:1025" };
    expect(assertDeploymentConfig({ ...local, NODE_ENV: "production", HALLES_MODE: "demo" })).toBe("demo");
    expect(assertDeploymentConfig({ ...local, NODE_ENV: "development" })).toBe("development");
  });

  it("runs a demo build only as the demo, and a production build never as the demo", () => {
    expect(buildModeProblem("demo", "demo")).toBeNull();
    expect(buildModeProblem("demo", "production")).toMatch(/built for the demo/);
    expect(buildModeProblem("demo", "staging")).toMatch(/built for the demo/);
    expect(buildModeProblem("production", "production")).toBeNull();
    expect(buildModeProblem("production", "staging")).toBeNull();
    expect(buildModeProblem("production", "demo")).toMatch(/HALLES_MODE=demo/);
    expect(buildModeProblem("development", "development")).toBeNull();
  });
});

describe("the server actions' key of several web instances (issue 9)", () => {
  it("accepts a base64 AES key of 16, 24 or 32 bytes", () => {
    for (const bytes of [16, 24, 32]) expect(serverActionsKeyProblem({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(bytes, 7).toString("base64") })).toBeNull();
  });

  it("refuses a missing key, or one that is not a base64 AES key, naming the setting", () => {
    for (const key of [undefined, "", "  ", "not base64!", Buffer.alloc(20, 7).toString("base64"), Buffer.alloc(32, 7).toString("base64url").replace(/=+$/, "") + "-_"]) {
      expect(serverActionsKeyProblem({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }), String(key)).toMatch(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not (set|a base64 AES key)/);
    }
  });
});
