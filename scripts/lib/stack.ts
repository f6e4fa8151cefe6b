// The running system: the web app, the three worker services and, when no real ones are
// configured, the local Stripe test server and mail capture. Used by `npm start` and the e2e run.
import { LOCAL_WEBHOOK_SECRET } from "../../lib/deployment";
import { NEXT_BIN, startService, typescript, waitForUrl, WEB_PRELOAD, type Service } from "./processes";

export type StackPorts = { web: number; stripe: number; smtp: number; mailHttp: number; workers: [number, number, number] };

export const DEFAULT_PORTS: StackPorts = { web: 3000, stripe: 12111, smtp: 1025, mailHttp: 1080, workers: [9101, 9102, 9103] };

/** The local stand-ins' secrets: TEST MODE only, never valid at Stripe. */
export const LOCAL_STRIPE = { secretKey: "sk_test_halles_local", webhookSecret: LOCAL_WEBHOOK_SECRET } as const;

export type StackOptions = {
  ports: StackPorts;
  /** DATABASE_URL, PUBLIC_URL, AUTH_SECRET… for the web app and the workers. */
  env: Record<string, string>;
  useStripeTestServer: boolean;
  useMailCapture: boolean;
  /** Called when a service exits on its own (not while stopping). */
  onCrash?: (service: Service, code: number) => void;
};

export type Stack = { services: Service[]; env: Record<string, string>; stop: () => Promise<void> };

/** Starts everything, each service once the one before answers; stops what started if one fails. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { ports } = options;
  const services: Service[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await Promise.all(services.map((s) => s.stop()));
  };
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
    ...(options.useMailCapture ? { SMTP_URL: `smtp://127.0.0.1:${ports.smtp}` } : {}),
  };
  const launch = async (name: string, args: string[], serviceEnv: Record<string, string>, readyUrl: string) => {
    const service = startService(name, process.execPath, args, { ...serviceEnv, HALLES_SERVICE: name });
    services.push(service);
    service.child.on("exit", (code) => !stopping && options.onCrash?.(service, code ?? 1));
    await waitForUrl(readyUrl, 60_000, service);
  };
  try {
    if (options.useMailCapture) {
      const mail = { MAIL_CAPTURE_SMTP_PORT: String(ports.smtp), MAIL_CAPTURE_HTTP_PORT: String(ports.mailHttp) };
      await launch("mail-capture", typescript("tools/mail-capture/cli.ts"), mail, `http://127.0.0.1:${ports.mailHttp}/api/messages`);
    }
    if (options.useStripeTestServer) {
      const stripe = {
        STRIPE_TEST_SERVER_PORT: String(ports.stripe),
        STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE.webhookSecret,
        STRIPE_WEBHOOK_URL: `http://127.0.0.1:${ports.web}/api/webhooks/stripe`,
      };
      await launch("stripe-test-server", typescript("tools/stripe-test-server/cli.ts"), stripe, `http://127.0.0.1:${ports.stripe}/`);
    }
    await launch("web", [...WEB_PRELOAD, NEXT_BIN, "start", "-p", String(ports.web)], env, `http://127.0.0.1:${ports.web}/api/health/ready`);
    const workers = ["order-worker", "notification-worker", "scheduler"] as const;
    await Promise.all(
      workers.map((name, i) =>
        launch(name, typescript(`workers/${name}.ts`), { ...env, HEALTH_PORT: String(ports.workers[i]) }, `http://127.0.0.1:${ports.workers[i]}/health/ready`),
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { services, env, stop };
}
