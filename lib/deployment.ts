// What kind of deployment a process runs in, and the production guard every service runs at
// start-up: a real shop must not be able to take fake payments, capture its e-mails or sign
// sessions with a published key by accident. Pure (no Next.js, no database), so the web app, the
// workers, the scripts and the tests share it; relative imports only, as next.config.ts reads it.
import { z } from "zod";
import { isWeakSecret } from "./auth/secret";

/**
 * - development: `next dev`, unit and integration tests.
 * - demo: `npm start` and the end-to-end tests — production build, test payments, captured
 *   e-mails, demo accounts with a published password, and a ribbon saying so on every page.
 * - staging: a real deployment that may use Stripe test keys.
 * - production: a real shop. The default of a bare `next start` (NODE_ENV=production).
 */
export const DEPLOYMENT_MODES = ["development", "demo", "staging", "production"] as const;
export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];

type Source = Record<string, string | undefined>;

/** The local stand-ins' secrets (scripts/lib/stack.ts): TEST MODE only, never valid at Stripe. */
export const LOCAL_WEBHOOK_SECRET = "whsec_halles_local";
/** The mail capture's SMTP port on this machine (tools/mail-capture). */
export const MAIL_CAPTURE_SMTP_PORT = 1025;
const STRIPE_API_HOST = "api.stripe.com";

export class DeploymentConfigError extends Error {
  constructor(
    readonly mode: DeploymentMode,
    readonly problems: string[],
  ) {
    super(`Refusing to start in ${mode} mode:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee "Running in production" in README.md.`);
    this.name = "DeploymentConfigError";
  }
}

export function deploymentMode(env: Source = process.env): DeploymentMode {
  const explicit = env.HALLES_MODE?.trim();
  if (explicit) {
    const parsed = z.enum(DEPLOYMENT_MODES).safeParse(explicit);
    if (!parsed.success) throw new DeploymentConfigError("production", [`HALLES_MODE must be one of ${DEPLOYMENT_MODES.join(", ")}, got "${explicit}"`]);
    return parsed.data;
  }
  return env.NODE_ENV === "production" ? "production" : "development";
}

/** Real deployments: staging and production. */
export const isRealDeployment = (mode: DeploymentMode) => mode === "staging" || mode === "production";

const isLoopback = (host: string) => host === "localhost" || host === "::1" || host === "[::1]" || /^127\./.test(host);

function smtpProblem(url: string | undefined, env: Source): string | null {
  if (!url?.trim()) return "SMTP_URL is not set: e-mails would go to the local mail capture. Set it to your mail server (smtp://user:pass@host:587).";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "SMTP_URL is not a valid smtp:// or smtps:// URL.";
  }
  const capturePorts = new Set([String(MAIL_CAPTURE_SMTP_PORT), env.MAIL_CAPTURE_SMTP_PORT].filter(Boolean));
  if (isLoopback(parsed.hostname) && capturePorts.has(parsed.port)) {
    return `SMTP_URL points at the local mail capture (${parsed.host}): e-mails would never reach shoppers.`;
  }
  return null;
}

/**
 * Every reason the configuration is unfit for `mode`, each naming its setting; none outside
 * staging and production. Staging differs only in allowing Stripe test keys.
 */
export function deploymentProblems(mode: DeploymentMode, env: Source = process.env): string[] {
  if (!isRealDeployment(mode)) return [];
  const problems: string[] = [];
  const key = env.STRIPE_SECRET_KEY?.trim() ?? "";
  if (!key) problems.push("STRIPE_SECRET_KEY is not set.");
  else if (mode === "production" && /^(sk|rk)_test_/.test(key)) {
    problems.push("STRIPE_SECRET_KEY is a test key (sk_test_…): payments would not be real. Use a live key, or HALLES_MODE=staging.");
  }
  const host = env.STRIPE_API_HOST?.trim();
  if (host && host !== STRIPE_API_HOST) {
    problems.push(`STRIPE_API_HOST points at ${host}, not at Stripe: unset it (it is for the local Stripe test server).`);
  }
  if (env.STRIPE_API_PORT?.trim() || env.STRIPE_API_PROTOCOL?.trim()) {
    problems.push("STRIPE_API_PORT / STRIPE_API_PROTOCOL are set: they are for the local Stripe test server; unset them.");
  }
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim();
  if (!webhookSecret) problems.push("STRIPE_WEBHOOK_SECRET is not set.");
  else if (webhookSecret === LOCAL_WEBHOOK_SECRET) problems.push(`STRIPE_WEBHOOK_SECRET is the local test server's published secret (${LOCAL_WEBHOOK_SECRET}).`);
  const smtp = smtpProblem(env.SMTP_URL, env);
  if (smtp) problems.push(smtp);
  if (isWeakSecret(env.AUTH_SECRET)) {
    problems.push("AUTH_SECRET is missing or weak: use a random value of 32+ characters (openssl rand -base64 32).");
  }
  return problems;
}

/**
 * Why NEXT_SERVER_ACTIONS_ENCRYPTION_KEY cannot serve several web instances, or null. Next.js
 * encrypts what server actions close over with it; without it, each build makes a key of its own
 * and an action rendered by one instance fails on another. The web app checks it in real deployments.
 */
export function serverActionsKeyProblem(env: Source = process.env): string | null {
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  const fix = "openssl rand -base64 32, the same when building and on every web instance";
  if (!key) return `NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set: set it (${fix}).`;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key) || ![16, 24, 32].includes(Buffer.from(key, "base64").length)) {
    return `NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a base64 AES key of 16, 24 or 32 bytes (${fix}).`;
  }
  return null;
}

/**
 * The mode, after checking the configuration fits it; throws DeploymentConfigError naming every
 * problem. Each service calls this before it opens a port or takes a job.
 */
export function assertDeploymentConfig(env: Source = process.env): DeploymentMode {
  const mode = deploymentMode(env);
  const problems = deploymentProblems(mode, env);
  if (problems.length > 0) throw new DeploymentConfigError(mode, problems);
  return mode;
}

/** What a build is made for: the demo (with its ribbon) or real deployments (with HSTS). */
export type BuildMode = "development" | "demo" | "production";

export function buildModeFor(mode: DeploymentMode): BuildMode {
  return mode === "staging" ? "production" : mode;
}

/**
 * Why a build cannot run in `running` mode, or null. The ribbon and the security headers are
 * fixed when the app is built, so a demo build must not serve a real shop and vice versa.
 */
export function buildModeProblem(built: BuildMode, running: DeploymentMode): string | null {
  if (built === "demo" && running !== "demo") {
    return `This build was built for the demo (npm start). Build again for ${running} (npm run build, without HALLES_MODE=demo).`;
  }
  if (built === "production" && running === "demo") {
    return "This build was made for real deployments; HALLES_MODE=demo needs a demo build, with its ribbon (npm start builds one).";
  }
  return null;
}
