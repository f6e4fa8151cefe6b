// The switch that deploy and rollback share: the release started on the colour that does not
// serve, ready and smoke-checked, then the gateway switched to that colour (a file nginx checks per
// request: deploy/nginx/gateway.ts switchColour), the old colour drained and stopped. Before the
// switch any failure stops the new colour and leaves the old one serving.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isBlueGreenGateway, runningGatewayPid, startGatewayDaemon, stopGatewayDaemon, switchColour } from "../../deploy/nginx/gateway";
import { afterSwitch, colourPorts, writeState, type Colour, type DeployState, type FirstDeploy, type Switch } from "./blue-green";
import { carryBuildAssets, colourProcesses, releaseDir, startColour, stopColour, type StackEnv } from "./release-stack";
import { answeringRelease, smokeCheck } from "./smoke-check";

export type SwitchContext = {
  releasesDir: string;
  /** The services' environment (the deploy command's own, with DATABASE_URL and PUBLIC_URL). */
  env: StackEnv;
  publicUrl: string;
  state: DeployState | null;
  /** A first deploy: where the gateway is, or is to be started. */
  first?: FirstDeploy;
  log: (line: string) => void;
  /** How long the old colour's requests in flight may take before it is stopped anyway (nginx's proxy_read_timeout is 60 s). */
  drainTimeoutMs?: number;
};

const upstreamOf = (plan: Pick<Switch, "ports">) => `127.0.0.1:${plan.ports.web}`;

export async function switchRelease(plan: Switch, context: SwitchContext): Promise<DeployState> {
  const { releasesDir, log, state, first } = context;
  const stack = { releasesDir, colour: plan.colour, release: plan.release, ports: plan.ports, env: context.env };
  const old = plan.replaces;
  const serving = old ? `${old.release} (${old.colour}) still serves` : "nothing was serving";

  const leftovers = colourProcesses(releasesDir, plan.colour);
  if (leftovers.length > 0) {
    log(`${plan.colour} still runs ${leftovers.map((p) => `${p.service} of ${p.release}`).join(", ")} (an interrupted deploy?): stopping it first`);
    await stopColour(releasesDir, plan.colour);
  }
  if (old) carryBuildAssets(releaseDir(releasesDir, old.release), releaseDir(releasesDir, plan.release));

  log(`starting ${plan.release} on ${plan.colour} (web on 127.0.0.1:${plan.ports.web})`);
  try {
    await startColour(stack);
    const checked = await smokeCheck(`http://${upstreamOf(plan)}`, context.publicUrl, plan.release);
    log(`ready; smoke checks passed: ${checked.join(", ")}`);
  } catch (error) {
    await stopColour(releasesDir, plan.colour);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nStopped ${plan.colour}; ${serving}.`);
  }

  const gateway = state?.gateway ?? first!.gateway;
  // Asked on the loopback when nginx listens on every interface.
  const gatewayUrl = `http://${["0.0.0.0", "::", "[::]"].includes(gateway.host) ? "127.0.0.1" : gateway.host}:${gateway.port}`;
  const running = runningGatewayPid(gateway.dir) !== null;
  try {
    if (!running) {
      log(`starting the gateway on ${gateway.host}:${gateway.port} (files in ${gateway.dir})`);
      const portBase = state?.portBase ?? first!.portBase;
      switchColour(gateway.dir, plan.colour);
      await startGatewayDaemon({
        dir: gateway.dir,
        port: gateway.port,
        host: gateway.host,
        blueGreen: { blue: [upstreamOf({ ports: colourPorts("blue", portBase) })], green: [upstreamOf({ ports: colourPorts("green", portBase) })] },
      });
    } else {
      if (!isBlueGreenGateway(gateway.dir)) throw new Error(`the nginx running in ${gateway.dir} was not started for blue-green deploys (no halles_web_green in route.conf): stop it, and the deploy starts its own`);
      switchColour(gateway.dir, plan.colour);
    }
    await waitUntilGatewayServes(gatewayUrl, new URL(context.publicUrl).host, plan.release);
  } catch (error) {
    if (old && running) switchColour(gateway.dir, old.colour);
    if (!running) await stopGatewayDaemon(gateway.dir).catch(() => {});
    await stopColour(releasesDir, plan.colour);
    throw new Error(`switching the gateway failed: ${error instanceof Error ? error.message : String(error)}\nStopped ${plan.colour}; ${serving}.`);
  }
  const switchedAt = Date.now();
  const next = afterSwitch(state, plan, new Date(), first);
  writeState(releasesDir, next);
  log(`the gateway sends every new request to ${plan.release} (${plan.colour})`);

  if (old) {
    const drained = await drain(old.colour, state!.portBase, switchedAt, context.drainTimeoutMs ?? 90_000);
    log(drained ? `${old.release} has no request in flight any more` : `${old.release} still had requests in flight after the drain timeout: stopping it anyway`);
    const stopped = await stopColour(releasesDir, old.colour);
    log(`stopped ${old.release} on ${old.colour} (${stopped.map((p) => `${p.service} ${p.pid}`).join(", ") || "nothing ran"})`);
  }
  return next;
}

/**
 * Until the old web server has no request in flight (its /metrics), and at least 6 s after the
 * switch: a request that chose the old colour just before it may wait up to 5 s for the page cache's
 * lock (proxy_cache_lock_timeout) before nginx sends it. Only then may the old web stop, and close
 * the idle keep-alive connections nginx holds to it, which no new request uses.
 */
async function drain(colour: Colour, portBase: number, switchedAt: number, timeoutMs: number): Promise<boolean> {
  const metrics = `http://127.0.0.1:${colourPorts(colour, portBase).webMetrics}/metrics`;
  const deadline = switchedAt + timeoutMs;
  while (Date.now() < deadline) {
    const text = await fetch(metrics, { signal: AbortSignal.timeout(2_000) }).then((r) => r.text(), () => null);
    const inFlight = text === null ? null : Number(/^halles_http_requests_in_flight(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? Number.NaN);
    if ((inFlight === 0 || text === null) && Date.now() - switchedAt >= 6_000) return true;
    await sleep(250);
  }
  return false;
}

/** Polls /api/health through the gateway, each time on a new connection, until `release` answers. */
async function waitUntilGatewayServes(gatewayUrl: string, host: string, release: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await answeringRelease(gatewayUrl, host).catch((error: Error) => `(${error.message})`);
    if (last === release) return;
    await sleep(100);
  }
  throw new Error(`the gateway still answers with release ${last} after ${timeoutMs / 1000} s`);
}

/** One deploy or rollback at a time per releases folder: a lock file naming the process that holds it. */
export async function withDeployLock<T>(releasesDir: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(releasesDir, { recursive: true });
  const lock = path.join(releasesDir, "deploy.lock");
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      writeFileSync(lock, `${process.pid}\n`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (!Number.isInteger(holder) || holder <= 0) throw new Error(`Another deploy or rollback is taking ${lock}: try again in a moment.`);
      try {
        process.kill(holder, 0);
        throw new Error(`Another deploy or rollback (pid ${holder}) is running: wait for it (or remove ${lock} if that process is not one).`);
      } catch (probe) {
        if ((probe as NodeJS.ErrnoException).code !== "ESRCH") throw probe;
        rmSync(lock, { force: true }); // its holder is gone
      }
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}
