// Shared by the test-mode tools' CLIs: close the server on SIGTERM/SIGINT (once), then exit.
export function stopOnSignals(close: () => Promise<void>, logLine: (entry: Record<string, unknown>) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logLine({ level: "info", msg: "shutting down", signal });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logLine({ level: "error", msg: "shutdown failed", error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
