// Production safety (issue 6 item 2) and security headers (item 6), against the real build: the
// demo says so on every page; the same build started as a real shop refuses to start, naming each
// setting; every kind of response carries the security headers.
import { spawn } from "node:child_process";
import { expect, test } from "./fixtures";

const NEXT_BIN = "node_modules/next/dist/bin/next";

/** Runs `next start` on the e2e build with `env`; resolves with its exit code and output. */
function startWeb(env: Record<string, string>, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // A server that starts would run until killed: the test's timeout then fails it.
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const realShop = {
  NODE_ENV: "production",
  HALLES_MODE: "",
  STRIPE_SECRET_KEY: "sk_live_51Hx2kQ3Zr8vXw4Lp9Tn3Yb6Hc1Fd5Ge",
  STRIPE_WEBHOOK_SECRET: "whsec_8Hq2Lk5Zp0Wx3Vn7Tc4Yb1Md6Fg9Rs2",
  STRIPE_API_HOST: "",
  STRIPE_API_PORT: "",
  STRIPE_API_PROTOCOL: "",
  SMTP_URL: "smtps://orders:app-password@smtp.example.com:465",
  AUTH_SECRET: "q3ZJ1x8Vw0cR6kTn2Lb9Yp4Hs7Mf5Gd-_aE",
};

test.describe("production safety (issue 6 item 2)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a bare production start with the demo's settings refuses to start, naming each setting", async () => {
    const demoSettings = {
      ...realShop,
      STRIPE_SECRET_KEY: "sk_test_halles_local",
      STRIPE_WEBHOOK_SECRET: "whsec_halles_local",
      STRIPE_API_HOST: "127.0.0.1",
      SMTP_URL: "smtp://127.0.0.1:1025",
      AUTH_SECRET: "too-short",
    };
    const { code, output } = await startWeb(demoSettings, 3190);
    expect(code).toBe(1);
    expect(output).toContain("Refusing to start in production mode");
    for (const setting of ["STRIPE_SECRET_KEY", "STRIPE_API_HOST", "STRIPE_WEBHOOK_SECRET", "SMTP_URL", "AUTH_SECRET"]) expect(output).toContain(setting);
  });

  test("staging accepts test keys but still refuses the published webhook secret", async () => {
    const { code, output } = await startWeb({ ...realShop, HALLES_MODE: "staging", STRIPE_SECRET_KEY: "sk_test_51Hx2kQ", STRIPE_WEBHOOK_SECRET: "whsec_halles_local" }, 3191);
    expect(code).toBe(1);
    expect(output).toContain("Refusing to start in staging mode");
    expect(output).toContain("STRIPE_WEBHOOK_SECRET");
    expect(output).not.toContain("test key");
  });

  test("a real shop's settings do not run the demo build", async () => {
    const { code, output } = await startWeb(realShop, 3192);
    expect(code).toBe(1);
    expect(output).toContain("This build was built for the demo");
  });

  test("the demo says so on every page", async ({ page }) => {
    for (const path of ["/", "/p/bananas", "/c/fruit-vegetables", "/basket", "/sign-in", "/stores", "/no-such-page"]) {
      await page.goto(path);
      await expect(page.getByTestId("demo-ribbon"), path).toHaveText("Demo shop: test payments. Nothing is charged or delivered.");
    }
  });
});

test("security headers (issue 6 item 6) on pages, API answers, errors and static files", async ({ request, page }) => {
  await page.goto("/");
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  const urls = ["/", "/p/bananas", "/search?q=cheese", "/account", "/no-such-page", "/api/v1/products?limit=1", "/api/v1/basket", "/api/health", stylesheet!];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], url).toBe("DENY");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
    // HSTS only in real deployments (production builds), never on the local demo.
    expect(headers["strict-transport-security"], url).toBeUndefined();
  }
});
