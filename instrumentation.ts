// Runs once when the web server starts, before it serves a request: see lib/web-start.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkWebStart } = await import("./lib/web-start");
  await checkWebStart();
  // The pool's gauges are on /metrics from the start (it connects on first use).
  const { getDb } = await import("./db/client");
  getDb();
}
