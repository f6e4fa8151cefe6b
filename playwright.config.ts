import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where present; Playwright's own browsers cannot be downloaded here.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Budgets for a busy machine (CI shares its two cores): tests wait on what the page shows, never
  // on time, so a generous ceiling costs nothing when all is well. Whole buy flows mark
  // themselves test.slow() (three times this).
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3100",
    trace: "retain-on-failure",
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "shopper", use: { ...devices["Pixel 7"], browserName: "chromium" }, testIgnore: /(no-js|backoffice-.*|marketing-.*)\.spec\.ts/ },
    // Store agents work on a tablet.
    { name: "agent", use: { ...devices["Galaxy Tab S4"], browserName: "chromium" }, testMatch: /backoffice-.*\.spec\.ts/ },
    // Marketing edits the catalog and pages at a desk.
    { name: "marketer", use: { ...devices["Desktop Chrome"], browserName: "chromium" }, testMatch: /marketing-.*\.spec\.ts/ },
    { name: "shopper-no-js", use: { ...devices["Desktop Chrome"], javaScriptEnabled: false }, testMatch: /(^|[\\/])no-js\.spec\.ts$/ },
  ],
});
