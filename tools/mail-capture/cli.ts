// Starts the TEST MODE mail capture from the environment; logs JSON lines; stops on SIGTERM/SIGINT.
// Run: npx tsx tools/mail-capture/cli.ts
import { z } from "zod";
import { createMailCapture } from "./server";
import { stopOnSignals } from "../lib/stop-on-signals";

const envSchema = z.object({
  MAIL_CAPTURE_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).default(1025),
  MAIL_CAPTURE_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(1080),
  MAIL_CAPTURE_HOST: z.string().min(1).default("127.0.0.1"),
  MAIL_CAPTURE_MAX_MESSAGES: z.coerce.number().int().min(1).default(1_000),
});

function logLine(entry: Record<string, unknown>): void {
  const line = JSON.stringify({ time: new Date().toISOString(), service: "mail-capture", testMode: true, ...entry });
  if (entry.level === "error" || entry.level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    logLine({ level: "error", msg: `invalid environment: ${problems}` });
    process.exit(1);
  }
  const env = parsed.data;
  const capture = await createMailCapture({
    smtpPort: env.MAIL_CAPTURE_SMTP_PORT,
    httpPort: env.MAIL_CAPTURE_HTTP_PORT,
    host: env.MAIL_CAPTURE_HOST,
    maxMessages: env.MAIL_CAPTURE_MAX_MESSAGES,
    log: logLine,
  });

  stopOnSignals(() => capture.close(), logLine);
}

main().catch((error: unknown) => {
  logLine({ level: "error", msg: "failed to start", error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
