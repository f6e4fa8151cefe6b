// What a worker process does with a promise rejection nobody handled. graphile-worker 0.16.6 leaves
// some of its own promises unhandled when the database goes away mid-operation (one was found and
// mended in scripts/patch-dependencies.mjs; CI has seen a worker end once more in the restart
// drill without saying why). Such a rejection must not end a worker during a database outage: the
// runner supervisor starts a new runner and readiness says 503 meanwhile. It is logged and
// counted; any other unhandled rejection still ends the process, as Node.js does by default.
import type { Logger } from "pino";
import { Counter, type Registry } from "prom-client";
import { isDatabaseUnavailable } from "@/db/retry";

/** Installs the policy on `process`; returns the function that removes it. */
export function tolerateOutageRejections(options: { log: Logger; registry: Registry }): () => void {
  const tolerated = new Counter({
    name: "unhandled_outage_rejections_total",
    help: "Promise rejections no code handled that said the database was unreachable (logged, not fatal).",
    registers: [options.registry],
  });
  const onRejection = (reason: unknown) => {
    if (!isDatabaseUnavailable(reason)) throw reason; // an uncaught exception: the process ends, as it would have
    tolerated.inc();
    options.log.error({ err: reason }, "unhandled rejection while the database was unreachable; the runner supervisor recovers");
  };
  process.on("unhandledRejection", onRejection);
  return () => process.off("unhandledRejection", onRejection);
}
