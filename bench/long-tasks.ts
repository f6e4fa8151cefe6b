// node --import tsx bench/long-tasks.ts <page URL> [loads = 7]
// The main thread's long tasks while a phone loads a page: Debian's Chromium as a phone (412 × 823,
// touch) with Chromium's own 4× CPU throttling and no cache, a fresh context per load; the page's
// own PerformanceObserver records every long task until the network is idle. Prints, per load,
// the longest task and the blocking time (each task's time over 50 ms), then their medians. Faster
// and steadier than Lighthouse for comparing two builds' start-up (bench/README.md, Lighthouse):
// serve each build and run this against both.
import { chromium } from "playwright-core";

const [url, loadsArg = "7"] = process.argv.slice(2);
if (!url) throw new Error("usage: node --import tsx bench/long-tasks.ts <page URL> [loads]");
const loads = Number(loadsArg);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const results: { longest: number; blocking: number }[] = [];
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      const durations: number[] = ((window as unknown as { longTasks: number[] }).longTasks = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const durations = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    results.push({ longest: Math.round(Math.max(0, ...durations)), blocking: Math.round(durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0)) });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(results.map((r, i) => `load ${i + 1}: longest task ${r.longest} ms, blocking ${r.blocking} ms`).join("\n"));
console.log(`${url}: median longest task ${median(results.map((r) => r.longest))} ms, median blocking time ${median(results.map((r) => r.blocking))} ms (4× CPU)`);
