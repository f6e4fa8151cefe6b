// Runs once when the web server starts, before it serves a request: see lib/web-start.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkWebStart, startWebHeartbeat } = await import("./lib/web-start");
  await checkWebStart();
  // Not while `next build` prerenders: only a serving instance has a heartbeat.
  if (process.env.NEXT_PHASE !== "phase-production-build") startWebHeartbeat();
}
