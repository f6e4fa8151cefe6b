// Long-running services started step by step, each step once the one before answers, and stopped
// together at any moment: also while they are still starting (Ctrl-C during `npm start`).
import { startService, waitForUrl, type Service } from "./processes";

/** A service run straight under node, ready once `readyUrl` answers 2xx; its output also goes to `logFile` when set. */
export type ServiceSpec = { name: string; args: string[]; env: Record<string, string>; readyUrl: string; logFile?: string };

export type ServiceGroupOptions = {
  /** Called when a service exits on its own (not while stopping). */
  onCrash?: (service: Service, code: number) => void;
  readyTimeoutMs?: number;
};

/** `start()` was cut short by `stop()`: nothing is left running, and nobody needs to report it. */
export class StartStoppedError extends Error {
  readonly code = "start_stopped";
  constructor() {
    super("stopped during start-up");
    this.name = "StartStoppedError";
  }
}

export type ServiceGroup = {
  /** Every service launched so far, in launch order. */
  services: Service[];
  /** Launches the steps in order (the services of one step together); stops what started if one fails. */
  start(): Promise<void>;
  /** Stops whatever has started, and makes a pending `start()` launch nothing more and reject. */
  stop(): Promise<void>;
};

export function createServiceGroup(steps: ServiceSpec[][], options: ServiceGroupOptions = {}): ServiceGroup {
  const services: Service[] = [];
  const stopping = new AbortController();
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping.abort();
      await Promise.all(services.map((service) => service.stop()));
    })());

  const launch = async (spec: ServiceSpec) => {
    if (stopping.signal.aborted) throw new StartStoppedError();
    const service = startService(spec.name, process.execPath, spec.args, { ...spec.env, HALLES_SERVICE: spec.name }, { logFile: spec.logFile });
    services.push(service);
    service.child.on("exit", (code) => !stopping.signal.aborted && options.onCrash?.(service, code ?? 1));
    await waitForUrl(spec.readyUrl, options.readyTimeoutMs ?? 60_000, service, stopping.signal);
  };

  const start = async () => {
    try {
      for (const step of steps) await Promise.all(step.map(launch));
    } catch (error) {
      const interrupted = stopping.signal.aborted;
      await stop();
      throw interrupted ? new StartStoppedError() : error;
    }
  };

  return { services, start, stop };
}
