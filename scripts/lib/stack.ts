// The running system: the web app, the three worker services and, when no real ones are
// configured, the local Stripe test server and mail capture. Used by `npm start` and the e2e run.
import path from "node:path";
import { LOCAL_WEBHOOK_SECRET } from "../../lib/deployment";
import type { PortClaim } from "../../lib/net/port-in-use";
import { NEXT_BIN, typescript, WEB_PRELOAD, type Service } from "./processes";
import { createServiceGroup, type ServiceGroup, type ServiceSpec } from "./service-group";

export type StackPorts = {
  web: number;
  stripe: number;
  smtp: number;
  mailHttp: number;
  orderWorkerHealth: number;
  notificationWorkerHealth: number;
  schedulerHealth: number;
  /** The web server's /metrics (METRICS_PORT). */
  webMetrics: number;
};

/** The local stand-ins' secrets: TEST MODE only, never valid at Stripe. */
export const LOCAL_STRIPE = { secretKey: "sk_test_halles_local", webhookSecret: LOCAL_WEBHOOK_SECRET } as const;

const WORKERS = [
  { name: "order-worker", port: "orderWorkerHealth" },
  { name: "notification-worker", port: "notificationWorkerHealth" },
  { name: "scheduler", port: "schedulerHealth" },
] as const;

export type StackOptions = {
  ports: StackPorts;
  /** DATABASE_URL, PUBLIC_URL, AUTH_SECRET… for the web app and the workers. */
  env: Record<string, string>;
  useStripeTestServer: boolean;
  useMailCapture: boolean;
  /** Called when a service exits on its own (not while stopping). */
  onCrash?: (service: Service, code: number) => void;
  /** Also writes each service's output to `<logDir>/<service>.log` (the console still shows it). */
  logDir?: string;
};

/** Nothing runs until `start()`; `stop()` works at any moment (see service-group.ts). */
export type Stack = ServiceGroup & { env: Record<string, string> };

/** The services, in start order: the stand-ins first (the web app calls them), then web, then the workers. */
export function createStack(options: StackOptions): Stack {
  const { ports } = options;
  const env: Record<string, string> = {
    ...options.env,
    ...(options.useStripeTestServer
      ? {
          STRIPE_SECRET_KEY: LOCAL_STRIPE.secretKey,
          STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE.webhookSecret,
          STRIPE_API_HOST: "127.0.0.1",
          STRIPE_API_PORT: String(ports.stripe),
          STRIPE_API_PROTOCOL: "http",
        }
      : {}),
    // The inbox's address too: the demo's pages say where its e-mails can be read.
    ...(options.useMailCapture ? { SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`, MAIL_CAPTURE_URL: `http://localhost:${ports.mailHttp}` } : {}),
  };
  const steps: ServiceSpec[][] = [];
  if (options.useMailCapture) {
    const mail = { MAIL_CAPTURE_SMTP_PORT: String(ports.smtp), MAIL_CAPTURE_HTTP_PORT: String(ports.mailHttp) };
    steps.push([{ name: "mail-capture", args: typescript("tools/mail-capture/cli.ts"), env: mail, readyUrl: `http://127.0.0.1:${ports.mailHttp}/api/messages` }]);
  }
  if (options.useStripeTestServer) {
    const stripe = {
      STRIPE_TEST_SERVER_PORT: String(ports.stripe),
      STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE.webhookSecret,
      STRIPE_WEBHOOK_URL: `http://127.0.0.1:${ports.web}/api/webhooks/stripe`,
    };
    steps.push([{ name: "stripe-test-server", args: typescript("tools/stripe-test-server/cli.ts"), env: stripe, readyUrl: `http://127.0.0.1:${ports.stripe}/` }]);
  }
  steps.push([{ name: "web", args: [...WEB_PRELOAD, NEXT_BIN, "start", "-p", String(ports.web)], env: { ...env, METRICS_PORT: String(ports.webMetrics) }, readyUrl: `http://127.0.0.1:${ports.web}/api/health/ready` }]);
  steps.push(
    WORKERS.map(({ name, port }) => ({
      name,
      args: typescript(`workers/${name}.ts`),
      env: { ...env, HEALTH_PORT: String(ports[port]) },
      readyUrl: `http://127.0.0.1:${ports[port]}/health/ready`,
    })),
  );
  const logged = options.logDir ? steps.map((step) => step.map((spec) => ({ ...spec, logFile: path.join(options.logDir!, `${spec.name}.log`) }))) : steps;
  return { ...createServiceGroup(logged, { onCrash: options.onCrash }), env };
}

/**
 * The ports the stack will listen on, for the check before start-up; `variable` names what sets
 * each one. The web server listens on every interface, the others on 127.0.0.1.
 */
export function stackPortClaims(options: Omit<StackOptions, "env" | "onCrash" | "logDir">, variable: (port: keyof StackPorts) => string): PortClaim[] {
  const { ports } = options;
  const claim = (port: keyof StackPorts, purpose: string, host?: string): PortClaim => ({ port: ports[port], host, purpose, variable: variable(port) });
  return [
    claim("web", "web server"),
    claim("webMetrics", "web server metrics", "127.0.0.1"),
    ...(options.useStripeTestServer ? [claim("stripe", "Stripe test server", "127.0.0.1")] : []),
    ...(options.useMailCapture ? [claim("smtp", "mail capture SMTP", "127.0.0.1"), claim("mailHttp", "mail capture web page", "127.0.0.1")] : []),
    ...WORKERS.map(({ name, port }) => claim(port, `${name} health server`, "127.0.0.1")),
  ];
}
