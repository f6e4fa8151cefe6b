// The local commands' settings, validated once: every port `npm start` listens on (so that two
// stacks can run side by side), where it keeps its data, and the e2e run's base port.
import { z } from "zod";
import { parseEnv } from "../../lib/env";
import type { StackPorts } from "./stack";

export type LocalConfig = {
  /** The stack's ports (web, Stripe test server, mail capture, worker health servers, the web's metrics). */
  ports: StackPorts;
  /** The embedded PostgreSQL's port. */
  postgresPort: number;
  /** The embedded PostgreSQL's data (`<dir>/postgres`) and the generated auth secret. */
  dataDir: string;
};

/** The variable that sets each port, for messages such as "set PORT to a free port". */
export const PORT_VARIABLES = {
  web: "PORT",
  stripe: "STRIPE_TEST_SERVER_PORT",
  smtp: "MAIL_CAPTURE_SMTP_PORT",
  mailHttp: "MAIL_CAPTURE_HTTP_PORT",
  orderWorkerHealth: "ORDER_WORKER_HEALTH_PORT",
  notificationWorkerHealth: "NOTIFICATION_WORKER_HEALTH_PORT",
  schedulerHealth: "SCHEDULER_HEALTH_PORT",
  webMetrics: "WEB_METRICS_PORT",
  postgres: "HALLES_PG_PORT",
} as const satisfies Record<keyof StackPorts | "postgres", string>;

/** A TCP port from the environment, `fallback` when unset or empty; `max` leaves room above a base port. */
function portVariable(fallback: number, max = 65_535) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = value?.trim();
      if (!text) return fallback;
      const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (port >= 1 && port <= max) return port;
      ctx.addIssue({ code: "custom", message: `must be a port number from 1 to ${max}, got "${value}"` });
      return z.NEVER;
    });
}

const localSchema = z
  .object({
    PORT: portVariable(3000),
    STRIPE_TEST_SERVER_PORT: portVariable(12111),
    MAIL_CAPTURE_SMTP_PORT: portVariable(1025),
    MAIL_CAPTURE_HTTP_PORT: portVariable(1080),
    ORDER_WORKER_HEALTH_PORT: portVariable(9101),
    NOTIFICATION_WORKER_HEALTH_PORT: portVariable(9102),
    SCHEDULER_HEALTH_PORT: portVariable(9103),
    WEB_METRICS_PORT: portVariable(9100),
    HALLES_PG_PORT: portVariable(54320),
    HALLES_DATA_DIR: z
      .string()
      .optional()
      .transform((value) => value?.trim() || ".data"),
  })
  .superRefine((env, ctx) => {
    const byPort = new Map<number, string>();
    for (const variable of Object.values(PORT_VARIABLES)) {
      const port = env[variable];
      const other = byPort.get(port);
      if (other) ctx.addIssue({ code: "custom", path: [variable], message: `is ${port}, the same port as ${other}` });
      else byPort.set(port, variable);
    }
  });

/** Reads the settings; throws InvalidEnvironmentError naming every bad variable. */
export function readLocalConfig(source: Record<string, string | undefined> = process.env): LocalConfig {
  const env = parseEnv(localSchema, source);
  return {
    ports: {
      web: env.PORT,
      stripe: env.STRIPE_TEST_SERVER_PORT,
      smtp: env.MAIL_CAPTURE_SMTP_PORT,
      mailHttp: env.MAIL_CAPTURE_HTTP_PORT,
      orderWorkerHealth: env.ORDER_WORKER_HEALTH_PORT,
      notificationWorkerHealth: env.NOTIFICATION_WORKER_HEALTH_PORT,
      schedulerHealth: env.SCHEDULER_HEALTH_PORT,
      webMetrics: env.WEB_METRICS_PORT,
    },
    postgresPort: env.HALLES_PG_PORT,
    dataDir: env.HALLES_DATA_DIR,
  };
}

const E2E_PORT_COUNT = 8;
const e2eSchema = z.object({ E2E_PORT: portVariable(3100, 65_536 - E2E_PORT_COUNT) });

/**
 * The end-to-end run's ports, all from one base (E2E_PORT, default 3100): web = base, Stripe test
 * server +1, SMTP +2, mail HTTP +3, workers' health +4…+6, the web's metrics +7. Two runs with bases 8 apart, or a run
 * beside npm start, never collide.
 */
export function readE2ePorts(source: Record<string, string | undefined> = process.env): StackPorts {
  const base = parseEnv(e2eSchema, source).E2E_PORT;
  return {
    web: base,
    stripe: base + 1,
    smtp: base + 2,
    mailHttp: base + 3,
    orderWorkerHealth: base + 4,
    notificationWorkerHealth: base + 5,
    schedulerHealth: base + 6,
    webMetrics: base + 7,
  };
}
