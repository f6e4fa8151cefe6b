// Starts the TEST MODE mail capture from the environment; logs JSON lines; stops on SIGTERM/SIGINT.
// Run: node --import tsx tools/mail-capture/cli.ts
import { z } from "zod";
import { runToolCli } from "../lib/cli";
import { createMailCapture } from "./server";

const envSchema = z.object({
  MAIL_CAPTURE_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).default(1025),
  MAIL_CAPTURE_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(1080),
  MAIL_CAPTURE_HOST: z.string().min(1).default("127.0.0.1"),
  MAIL_CAPTURE_MAX_MESSAGES: z.coerce.number().int().min(1).default(1_000),
});

runToolCli("mail-capture", envSchema, async (env, log) => {
  const capture = await createMailCapture({
    smtpPort: env.MAIL_CAPTURE_SMTP_PORT,
    httpPort: env.MAIL_CAPTURE_HTTP_PORT,
    host: env.MAIL_CAPTURE_HOST,
    maxMessages: env.MAIL_CAPTURE_MAX_MESSAGES,
    log,
  });
  return () => capture.close();
});
