// The envelope of the test-mode tools' CLIs: the environment validated by a schema, JSON log lines
// (errors and warnings on stderr), the server closed once on SIGTERM/SIGINT, exit 1 on a bad start
// (a taken port named with its owner and its variable, as npm start names it).
import type { z } from "zod";
import { isAddressInUse, portInUseError, type PortInUseError } from "../../lib/net/port-in-use";

export type LogLine = (entry: Record<string, unknown>) => void;

export function runToolCli<S extends z.ZodType>(service: string, schema: S, start: (env: z.infer<S>, log: LogLine) => Promise<() => Promise<void>>): void {
  const log: LogLine = (entry) => {
    const line = JSON.stringify({ time: new Date().toISOString(), service, testMode: true, ...entry });
    if (entry.level === "error" || entry.level === "warn") process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  };
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    log({ level: "error", msg: `invalid environment: ${problems}` });
    process.exit(1);
  }
  start(parsed.data, log).then(
    (close) => stopOnSignals(close, log),
    (error: unknown) => {
      const reason = explainTakenPort(service, error, parsed.data) ?? error;
      log({ level: "error", msg: "failed to start", error: reason instanceof Error ? reason.message : String(reason) });
      process.exit(1);
    },
  );
}

/** A port taken (EADDRINUSE), told with its owner and the variable of the tool's environment that sets it. */
function explainTakenPort(service: string, error: unknown, env: unknown): PortInUseError | null {
  const port = (error as { port?: unknown } | null)?.port;
  if (!isAddressInUse(error) || typeof port !== "number" || typeof env !== "object" || env === null) return null;
  const variable = Object.entries(env).find(([name, value]) => name.endsWith("_PORT") && value === port)?.[0];
  return variable ? portInUseError({ port, purpose: service, variable }) : null;
}

function stopOnSignals(close: () => Promise<void>, log: LogLine): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log({ level: "info", msg: "shutting down", signal });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log({ level: "error", msg: "shutdown failed", error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
