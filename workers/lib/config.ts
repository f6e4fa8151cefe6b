// The worker services' environment, validated once at start-up.
import { z } from "zod";
import { parseEnv } from "@/lib/env";
import { DEFAULT_SMTP_URL } from "@/lib/mail/transport";

const schema = z.object({
  DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgres:// URL" }),
  /** The service's Drizzle pool (task queries); unset, its concurrency. graphile-worker keeps its own (concurrency + 2). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(50).optional(),
  /** Task statements are cancelled past this (ms); a job that hits it fails and is retried. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Jobs run at once by one process; unset, each service picks its own default. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).optional(),
  /** Port of /health, /health/ready and /metrics; unset, each service has its own default. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /** Interface the health server listens on: this machine only unless set (containers set 0.0.0.0). */
  HEALTH_HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: "SMTP_URL must be an smtp:// or smtps:// URL" })
    .default(DEFAULT_SMTP_URL),
  MAIL_FROM: z.string().min(3).default("Halles <orders@halles.localhost>"),
  /** The shop's address, for the links in e-mails. */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  /** Attempts of a job before it is left failed (read by enqueueJob; documented here too). */
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
});

export type WorkerEnv = z.infer<typeof schema>;

let cached: WorkerEnv | undefined;

export function workerEnv(): WorkerEnv {
  cached ??= parseEnv(schema);
  return cached;
}
