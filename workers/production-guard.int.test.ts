// Production safety (issue 6 item 2): a worker service started in production with the local
// stand-ins' settings (test key, local Stripe server, published webhook secret, mail capture, weak
// session secret) refuses to start, naming each setting, before it opens a port or takes a job.
import { describe, expect, it } from "vitest";
import { LOCAL_WEBHOOK_SECRET } from "@/lib/deployment";
import { spawnWorker } from "@/tests/worker-process";

const demoSettings = {
  NODE_ENV: "production",
  STRIPE_SECRET_KEY: "sk_test_halles_local",
  STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET,
  STRIPE_API_HOST: "127.0.0.1",
  STRIPE_API_PORT: "12111",
  SMTP_URL: "smtp://127.0.0.1:1025",
  AUTH_SECRET: "short",
  HEALTH_PORT: "0",
};

describe("production safety (issue 6 item 2): workers", () => {
  it.each(["order-worker", "notification-worker", "scheduler"])("%s refuses to start in production with demo settings", async (name) => {
    const worker = spawnWorker(`workers/${name}.ts`, { ...demoSettings, HALLES_MODE: "" });
    expect(await worker.exited).toBe(1);
    const said = worker.stderr();
    for (const setting of ["STRIPE_SECRET_KEY", "STRIPE_API_HOST", "STRIPE_WEBHOOK_SECRET", "SMTP_URL", "AUTH_SECRET"]) expect(said, setting).toContain(setting);
    expect(worker.logs.some((line) => /started/.test(line.msg))).toBe(false);
  });

  it("starts the same stand-ins in demo mode", async () => {
    const worker = spawnWorker("workers/scheduler.ts", { ...demoSettings, HALLES_MODE: "demo", AUTH_SECRET: "q3ZJ1x8Vw0cR6kTn2Lb9Yp4Hs7Mf5Gd-_aE" });
    try {
      await worker.waitForLog((line) => line.msg === "scheduler started", 30_000);
    } finally {
      worker.signal("SIGTERM");
      await worker.exited;
    }
  });
});
