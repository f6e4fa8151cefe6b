// Runs once when the web server starts, before it serves a request: see lib/web-start.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkWebStart, startWebHeartbeat } = await import("./lib/web-start");
  await checkWebStart();
  // Not while `next build` prerenders: only a serving instance has a heartbeat, and a pool.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  startWebHeartbeat();
  // The pool's gauges are on /metrics from the start (it connects on first use).
  const { getDb } = await import("./db/client");
  getDb();
}
