// Environment, validated once; every module reads configuration from here.
import { z } from "zod";
import { deploymentMode, isRealDeployment } from "./deployment";

const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(8),
  /** A request's statements are cancelled past this (ms): a stuck query cannot hold a connection. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Proxies in front of the web app that append to X-Forwarded-For (lib/http/client-address.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Uploaded pictures' folder (lib/media/storage.ts), unless MEDIA_S3_BUCKET names a bucket. */
  MEDIA_DIR: z.string().min(1).default(".data/media"),
  MEDIA_S3_BUCKET: z.string().min(1).optional(),
  MEDIA_S3_PREFIX: z.string().optional(),
  MEDIA_S3_ENDPOINT: z.string().url().optional(),
  MEDIA_S3_REGION: z.string().min(1).optional(),
  MEDIA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  MEDIA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  MEDIA_S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
});

export type Env = z.infer<typeof schema>;

export class InvalidEnvironmentError extends Error {
  readonly code = "invalid_environment";
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** Validates the environment against a schema, naming every problem in one error. */
export function parseEnv<S extends z.ZodType>(shape: S, source: Record<string, string | undefined> = process.env): z.infer<S> {
  const parsed = shape.safeParse(source);
  if (!parsed.success) throw new InvalidEnvironmentError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(schema);
  return cached;
}

/** The site's public origin, for canonical URLs, the sitemap and structured data (no database needed). */
export function publicUrl(): string {
  const parsed = z.string().url().safeParse(process.env.PUBLIC_URL);
  return parsed.success ? parsed.data.replace(/\/$/, "") : "http://localhost:3000";
}

/**
 * Whether cookies are marked Secure: always in real deployments, whatever a proxy in front says
 * about the scheme, and wherever the site is served over HTTPS.
 */
export function secureCookies(): boolean {
  return isRealDeployment(deploymentMode()) || publicUrl().startsWith("https:");
}
